/**
 * A port of hbichat (complyue/hbichat), the reference HBI's chat example: what its server and client
 * share, the message records {@link dev.hbi.samples.chat.Msg} and {@link dev.hbi.samples.chat.MsgsInRoom},
 * and the rules for shared file names.
 */
package dev.hbi.samples.chat;
