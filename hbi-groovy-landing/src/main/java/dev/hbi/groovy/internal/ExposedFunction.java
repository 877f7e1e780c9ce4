package dev.hbi.groovy.internal;

import dev.hbi.Exposure;
import groovy.lang.Closure;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An exposed function as a trusted script sees it: a closure its binding returns for the function's name,
 * which Groovy calls for {@code name(...)}. Leading {@link Keywords} become keyword arguments.
 */
final class ExposedFunction extends Closure<Object> {

    private final Landing landing;
    private final Exposure exposure;

    ExposedFunction(Landing landing, Exposure exposure) {
        super(null);
        this.landing = landing;
        this.exposure = exposure;
    }

    @Override
    public Object call(Object... args) {
        List<Object> positional = Arrays.asList(args);
        Map<?, ?> named = null;
        if (!positional.isEmpty() && positional.get(0) instanceof Keywords keywords) {
            named = keywords;
            positional = positional.subList(1, positional.size());
        }
        return landing.callExposed(exposure, named, positional, -1);
    }

    @Override
    public Object call() {
        return call(new Object[0]);
    }

    @Override
    public Object call(Object argument) {
        return call(new Object[] {argument});
    }
}
