/** The chat client: a Java API and the interactive console, wire-compatible with hbichat's client. */
package dev.hbi.samples.chat.client;
