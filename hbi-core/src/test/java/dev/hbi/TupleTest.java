package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void holdsItsElementsInOrderIncludingNull() {
        Tuple tuple = Tuple.of(1, null, "a");
        assertThat(tuple).containsExactly(1, null, "a");
        assertThat(tuple.get(1)).isNull();
        assertThat(tuple.size()).isEqualTo(3);
    }

    @Test
    void isNotChangedByChangesToWhatItWasMadeFrom() {
        Object[] array = {1, 2};
        Tuple fromArray = Tuple.of(array);
        array[0] = 9;
        List<Object> list = new ArrayList<>(List.of(1, 2));
        Tuple fromList = Tuple.copyOf(list);
        list.clear();
        assertThat(fromArray).containsExactly(1, 2);
        assertThat(fromList).containsExactly(1, 2);
    }

    @Test
    void refusesEveryChange() {
        Tuple tuple = Tuple.of(1, 2);
        assertThatThrownBy(() -> tuple.add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tuple.set(0, 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tuple.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(tuple::clear).isInstanceOf(UnsupportedOperationException.class);
        tuple.toArray()[0] = 5;
        assertThat(tuple).containsExactly(1, 2);
    }

    @Test
    void equalsListsWithTheSameElements() {
        assertThat(Tuple.of(1, "a")).isEqualTo(List.of(1, "a")).hasSameHashCodeAs(List.of(1, "a"));
        assertThat(Arrays.asList(1, null)).isEqualTo(Tuple.of(1, null));
        assertThat(Tuple.of(1)).isNotEqualTo(Tuple.of(1, 2));
        assertThat(Tuple.copyOf(List.of())).isSameAs(Tuple.EMPTY).isSameAs(Tuple.of());
    }

    @Test
    void printsAsPythonWritesTuples() {
        assertThat(Tuple.EMPTY).hasToString("()");
        assertThat(Tuple.of("a")).hasToString("('a',)");
        assertThat(Tuple.of(1, null)).hasToString("(1, None)");
    }

    @Test
    void printsElementsWithoutALiteralFormWithTheirToString() {
        Object thing = new Object() {
            @Override
            public String toString() {
                return "thing";
            }
        };
        assertThat(Tuple.of(thing)).hasToString("(thing,)");
        assertThat(Tuple.of(1, thing)).hasToString("(1, thing)");
    }

    @Test
    void checksIndexes() {
        assertThatThrownBy(() -> Tuple.of(1).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
