/** Headless chat bots: a swarm on their own connections that chat, share files and check every byte. */
package dev.hbi.samples.chat.bots;
