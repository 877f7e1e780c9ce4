/** The reference's hello example: a server that greets, a client that asks. */
package dev.hbi.samples.hello;
