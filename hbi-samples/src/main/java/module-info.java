/**
 * HBI samples and the {@code hbi} command line.
 */
module dev.hbi.samples {
    requires transitive dev.hbi;
    requires org.jline;

    exports dev.hbi.samples.hello;
    exports dev.hbi.samples.jobs;
    exports dev.hbi.samples.cli;
}
