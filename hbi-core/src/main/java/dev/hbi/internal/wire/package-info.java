/**
 * Wire codecs: bytes to packets and back, with no threads, locks or sockets. Nothing here imports
 * {@code dev.hbi.internal}; the only API types used are HBI's exceptions.
 */
package dev.hbi.internal.wire;
