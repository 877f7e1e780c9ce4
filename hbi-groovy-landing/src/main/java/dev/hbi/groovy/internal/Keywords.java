package dev.hbi.groovy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named arguments of a call by name in a trusted script ({@code f(nick: 'bob')}), marked so that an
 * exposed function receives them as keyword arguments; to anything else they are the map Groovy would
 * have passed. Public because compiled trusted scripts make them.
 */
public final class Keywords extends LinkedHashMap<Object, Object> {

    private Keywords(Map<?, ?> named) {
        super(named);
    }

    /**
     * Marks named arguments.
     *
     * @param named the named arguments, as Groovy collects them
     * @return the marked map
     */
    public static Keywords of(Map<?, ?> named) {
        return new Keywords(named);
    }
}
