package dev.hbi.groovy.internal;

import groovy.lang.Binding;
import groovy.lang.Script;

/**
 * The base class of every compiled peer script: it carries the state of the landing it runs for, which
 * the {@link Guard} reads through the {@code this} that the compiled code passes it. Public only because
 * the compiled classes, defined by their own class loaders, extend it; a confined script cannot name
 * {@code this}, so it never reaches any of this class's methods, nor those of {@link Script}.
 *
 * <p>One instance runs one landing, on one thread.
 */
public abstract class LandedScript extends Script {

    private Landing landing;

    /**
     * Creates a script with its own binding, which a confined script never reads or writes.
     *
     * @param binding the binding
     */
    protected LandedScript(Binding binding) {
        super(binding);
    }

    /** Creates a script with an empty binding. */
    protected LandedScript() {
        super(new Binding());
    }

    final void attach(Landing value) {
        this.landing = value;
    }

    final Landing landing() {
        return landing;
    }
}
