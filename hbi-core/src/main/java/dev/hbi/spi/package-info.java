/**
 * The service-provider interfaces through which other modules plug into HBI: script landers
 * ({@link dev.hbi.spi.LanderProvider}, such as {@code dev.hbi.groovy}'s) and value mappers
 * ({@link dev.hbi.spi.ValueMapper}, such as {@code dev.hbi.jackson}'s).
 */
package dev.hbi.spi;
