/**
 * HBI for Java: peers that host each other's scripts over one connection.
 *
 * <p>Start with {@link dev.hbi.Hbi} to serve or dial, {@link dev.hbi.HostingEnv} to choose what the peer
 * may call, and {@link dev.hbi.PostingConversation} / {@link dev.hbi.HostingConversation} to talk.
 */
package dev.hbi;
