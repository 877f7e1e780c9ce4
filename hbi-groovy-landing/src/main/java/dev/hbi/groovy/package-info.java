/**
 * The Groovy lander: peer scripts land as Groovy against the names a hosting environment exposes,
 * confined by default. Plug it in with {@code HostingEnv.create("groovy")}, or with
 * {@link dev.hbi.groovy.GroovyLanderProvider#of} for other settings.
 */
package dev.hbi.groovy;
