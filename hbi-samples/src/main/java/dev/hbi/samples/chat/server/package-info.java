/** The chat server: rooms, messages and shared files, wire-compatible with hbichat's server. */
package dev.hbi.samples.chat.server;
