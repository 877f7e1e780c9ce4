package dev.hbi.samples.chat.server;

import dev.hbi.ConnectionClosedException;
import dev.hbi.ConversationInterruptedException;
import dev.hbi.ConversationResetException;
import dev.hbi.HbiTimeoutException;
import dev.hbi.PostingEnd;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The pushes waiting for one chatter, sent in order by one virtual thread, so that whoever pushes (another
 * chatter's conversation) never waits for this chatter's connection. A chatter that falls too far behind is
 * disconnected instead of letting the queue grow without bound.
 */
final class Outbox {

    static final int CAPACITY = 4096;

    private final PostingEnd po;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread sender;

    Outbox(PostingEnd po, String name) {
        this.po = po;
        this.sender = Thread.ofVirtual().name("chat-push-" + name).start(this::send);
    }

    void push(String code) {
        if (!queue.offer(code)) {
            po.disconnect("too slow: more than " + CAPACITY + " pushes are waiting for this chatter");
        }
    }

    void close() {
        sender.interrupt();
    }

    private void send() {
        try {
            while (true) {
                po.notify(queue.take());
            }
        } catch (InterruptedException | ConversationInterruptedException | ConnectionClosedException
                 | ConversationResetException leaving) {
            // the chatter left, or its connection is ending (a peer that shuts down refuses new conversations)
        } catch (HbiTimeoutException stuck) {
            po.disconnect("too slow: a push waited more than the send timeout");
        }
    }
}
