/** {@code hbi demo}: a chat server and a swarm of bots in one process, the quick tour of HBI. */
package dev.hbi.samples.demo;
