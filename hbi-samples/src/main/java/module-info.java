/**
 * HBI samples and the {@code hbi} command line.
 */
module dev.hbi.samples {
    requires transitive dev.hbi;

    exports dev.hbi.samples.hello;
    exports dev.hbi.samples.cli;
}
