/**
 * The landing service-provider interface: how other modules (such as {@code dev.hbi.groovy}) plug
 * their own script landers into HBI.
 */
package dev.hbi.spi;
