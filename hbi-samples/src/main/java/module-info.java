/**
 * HBI samples and the {@code hbi} command line. The chat packages are exported because their reactor
 * objects and records are reached by {@code dev.hbi} through reflection: landed calls and
 * {@link dev.hbi.Repr}.
 */
module dev.hbi.samples {
    requires transitive dev.hbi;
    requires org.jline;
    requires java.logging;

    exports dev.hbi.samples.hello;
    exports dev.hbi.samples.jobs;
    exports dev.hbi.samples.chat;
    exports dev.hbi.samples.chat.server;
    exports dev.hbi.samples.chat.client;
    exports dev.hbi.samples.chat.bots;
    exports dev.hbi.samples.demo;
    exports dev.hbi.samples.cli;
}
