/** The {@code hbi} command line: one class per group of sub-commands. */
package dev.hbi.samples.cli;
