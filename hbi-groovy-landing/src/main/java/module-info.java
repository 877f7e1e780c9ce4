/**
 * Lands HBI peer scripts as Groovy against the names a hosting environment exposes: confined by
 * default (every call, property access and constructor call checked against a short allow-list when it
 * runs, within a time budget), with a shape cache that compiles scripts differing only in literal
 * values once, and unloads the classes of shapes it drops.
 *
 * <p>Chosen per environment with {@code HostingEnv.create("groovy")} or
 * {@link dev.hbi.groovy.GroovyLanderProvider#of}.
 *
 * @provides dev.hbi.spi.LanderProvider the lander named {@code "groovy"}
 */
module dev.hbi.groovy {
    requires transitive dev.hbi;
    requires org.apache.groovy;
    // java.beans: dropped shapes are flushed from the Introspector's cache so their classes can unload
    requires java.desktop;

    exports dev.hbi.groovy;
    // compiled scripts call into this package; the Groovy runtime reflects on it for them, and each
    // script's class loader gets it exported at run time (Engine), so no application code sees it
    exports dev.hbi.groovy.internal to org.apache.groovy;

    provides dev.hbi.spi.LanderProvider with dev.hbi.groovy.GroovyLanderProvider;
}
