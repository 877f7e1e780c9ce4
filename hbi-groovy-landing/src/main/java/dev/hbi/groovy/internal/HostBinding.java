package dev.hbi.groovy.internal;

import dev.hbi.Exposure;
import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.MissingPropertyException;
import java.util.Optional;

/**
 * The binding of a trusted script: the names the hosting environment exposes (functions as
 * {@link ExposedFunction} closures, values as themselves) and the variables the peer assigned, kept for
 * the connection as HBI values. A closure assigned without {@code def} stays in this binding, for this
 * landing only: it belongs to the script that made it.
 */
final class HostBinding extends Binding {

    private final Landing landing;

    HostBinding(Landing landing) {
        this.landing = landing;
    }

    @Override
    public Object getVariable(String name) {
        HostingEnv env = landing.env();
        Optional<Exposure> exposure = env.exposure(name);
        if (exposure.isPresent()) {
            return exposure.get().isCallable() ? new ExposedFunction(landing, exposure.get()) : exposure.get().value();
        }
        if (env.isAssigned(name)) {
            return env.get(name).orElse(null);
        }
        if (super.hasVariable(name)) {
            return super.getVariable(name);
        }
        throw new MissingPropertyException(name, getClass());
    }

    @Override
    public boolean hasVariable(String name) {
        HostingEnv env = landing.env();
        return env.isExposed(name) || env.isAssigned(name) || super.hasVariable(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        if (value instanceof Closure<?>) {
            super.setVariable(name, value);
            return;
        }
        try {
            landing.env().assign(name, Values.toHbi(value, landing.maxNesting()));
        } catch (IllegalArgumentException e) {
            throw new LandingException("cannot assign to '" + name + "': " + e.getMessage());
        }
    }
}
