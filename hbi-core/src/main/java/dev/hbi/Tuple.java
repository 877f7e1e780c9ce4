package dev.hbi;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable sequence: what a Python tuple such as {@code (1, 'a')} lands as, and what
 * {@link Repr#repr} writes back as a tuple. Elements may be {@code null} (Python's {@code None}).
 *
 * <p>A tuple {@linkplain #equals equals} any {@link java.util.List} with the same elements, as lists
 * do among themselves, and has the same hash code. Python's {@code (1, 2) != [1, 2]}, but Java code that
 * compares landed values is simpler this way; use {@code instanceof Tuple} where the difference
 * matters. All mutators throw {@link UnsupportedOperationException}.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {

    /** The empty tuple, {@code ()}. */
    public static final Tuple EMPTY = new Tuple(new Object[0]);

    private final Object[] elements;

    private Tuple(Object[] elements) {
        this.elements = elements;
    }

    /**
     * Creates a tuple of the given elements.
     *
     * @param elements the elements, in order; {@code null} elements are allowed
     * @return the tuple
     */
    public static Tuple of(Object... elements) {
        Objects.requireNonNull(elements, "elements");
        return elements.length == 0 ? EMPTY : new Tuple(elements.clone());
    }

    /**
     * Creates a tuple of a collection's elements, in its iteration order.
     *
     * @param elements the elements; {@code null} elements are allowed
     * @return the tuple
     */
    public static Tuple copyOf(Collection<?> elements) {
        Object[] array = elements.toArray();
        return array.length == 0 ? EMPTY : new Tuple(array);
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, elements.length);
        return elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public Object[] toArray() {
        return elements.clone();
    }

    /**
     * Returns the tuple as Python writes it: {@code ()}, {@code (1,)}, {@code (1, 'a')}. Elements that
     * have no literal form are written with their own {@code toString}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        try {
            return Repr.repr(this);
        } catch (IllegalArgumentException noLiteral) {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < elements.length; i++) {
                text.append(i == 0 ? "" : ", ").append(elements[i]);
            }
            return text.append(elements.length == 1 ? ",)" : ")").toString();
        }
    }
}
