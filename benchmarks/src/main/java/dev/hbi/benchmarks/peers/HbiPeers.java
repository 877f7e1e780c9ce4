package dev.hbi.benchmarks.peers;

import dev.hbi.Hbi;
import dev.hbi.HbiConfig;
import dev.hbi.HbiConnection;
import dev.hbi.HbiServer;
import dev.hbi.HostingConversation;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.PostingEnd;
import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HBI on one wire, used as its README shows: a posting conversation per call on the caller's (virtual)
 * thread, one virtual thread per call in flight, a hosting procedure that answers with
 * {@code startSend()} and {@code sendValue(..)}, notifications for one-way messages (ordered ones, in a
 * frame each, on the multiplexed wire), data answers for the
 * bulk stream. The {@link Style#TYPED typed} style posts through {@code PostingEnd.proxy(EchoApi.class)}
 * and lands on {@link EchoReactor}, so it measures the typed layer on both ends against the hand-written
 * conversation.
 */
public final class HbiPeers implements Peers {

    /** How the client posts and the server answers. */
    public enum Style {
        /** Posting conversations and hosting procedures written by hand. */
        HAND_WRITTEN,
        /** A typed proxy and an {@code @Expose}d reactor. */
        TYPED
    }

    private static final ByteBuffer CHUNKS = ByteBuffer.allocateDirect(1 << 20);

    private final Style style;
    private final HbiServer server;
    private final HbiConnection client;
    private final AtomicLong serial = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Meter handled;
    private volatile Window window;
    private volatile HeldCalls held;

    HbiPeers(HbiConfig.Wire wire, Style style) {
        this(wire, style, HostingEnv.BUILTIN_LANDER);
    }

    /**
     * Starts a server whose environments land with the named lander, and connects to it.
     *
     * @param wire       the wire the client speaks
     * @param style      how calls are written
     * @param landerName the server's lander, such as {@code builtin} or {@code groovy}
     */
    public HbiPeers(HbiConfig.Wire wire, Style style, String landerName) {
        this.style = style;
        this.server = Hbi.serve(Hbi.address("127.0.0.1:0"), () -> env(landerName));
        this.client = Hbi.connect(server.address(), HostingEnv.create(), HbiConfig.builder().wire(wire).build());
    }

    private HostingEnv env(String landerName) {
        HostingEnv env = HostingEnv.create(landerName)
                .exposeProcedure("download", args -> download(args.conversation(), args.intValue(0), args.intValue(1)))
                .exposeProcedure("hold", args -> hold(args.conversation()));
        if (style == Style.TYPED) {
            return env.exposeReactor(new EchoReactor(this::ticked));
        }
        return env
                .exposeProcedure("echo", args -> {
                    HostingConversation co = args.conversation();
                    co.startSend();
                    co.sendValue(args.get(0));
                })
                .exposeProcedure("tick", args -> ticked());
    }

    private void ticked() {
        handled.count(1);
        window.release(1);
    }

    private static void download(HostingConversation co, int chunkBytes, int chunks) {
        co.startSend();
        for (int i = 0; i < chunks; i++) {
            co.sendData(CHUNKS.duplicate().limit(chunkBytes));
        }
    }

    private void hold(HostingConversation co) throws InterruptedException {
        co.finishRecv();
        HeldCalls h = held;
        h.arrived.countDown();
        h.gate.await();
        co.startSend();
        co.sendValue(1);
    }

    @Override
    public Load roundTrips(int inFlight, Meter meter) {
        EchoApi api = client.postingEnd().proxy(EchoApi.class);
        for (int i = 0; i < inFlight; i++) {
            start("caller-" + i, meter, () -> {
                while (running) {
                    long start = System.nanoTime();
                    if (style == Style.TYPED) {
                        api.echo(Values.text(serial.incrementAndGet()));
                    } else {
                        call();
                    }
                    meter.completed(start);
                }
            });
        }
        return this::stop;
    }

    @Override
    public void call() {
        try (PostingConversation co = client.postingEnd().newConversation()) {
            co.sendCode("echo('" + Values.text(serial.incrementAndGet()) + "')");
            co.startRecv();
            co.recvObj();
        }
    }

    @Override
    public Load oneWay(Window w, Meter meter) {
        window = w;
        handled = meter;
        PostingEnd end = client.postingEnd();
        EchoApi api = end.proxy(EchoApi.class);
        // on the multiplexed wire ordered notifications go in one frame each (wire-protocol.md §12); on the
        // classic wire they would wait for each other, so a notification per conversation is the fast way
        boolean ordered = client.wire() == HbiConfig.Wire.MULTIPLEXED;
        start("notifier", meter, () -> {
            while (running && w.acquire(1)) {
                if (style == Style.TYPED) {
                    api.tick(Values.text(serial.incrementAndGet()));
                    continue;
                }
                String code = "tick('" + Values.text(serial.incrementAndGet()) + "')";
                if (ordered) {
                    end.notifyInOrder(code);
                } else {
                    end.notify(code);
                }
            }
        });
        return () -> {
            w.close();
            stop();
        };
    }

    @Override
    public Load download(int chunkBytes, long streamBytes, Meter meter) {
        int chunks = (int) (streamBytes / chunkBytes);
        start("downloader", meter, () -> {
            ByteBuffer into = ByteBuffer.allocateDirect(chunkBytes);
            while (running) {
                try (PostingConversation co = client.postingEnd().newConversation()) {
                    co.sendCode("download(" + chunkBytes + ", " + chunks + ")");
                    co.startRecv();
                    for (int i = 0; i < chunks; i++) {
                        co.recvData(into.clear());
                        meter.count(chunkBytes / BLOCK_BYTES);
                    }
                }
            }
        });
        return this::stop;
    }

    @Override
    public Held hold(int count) {
        HeldCalls h = new HeldCalls(count);
        held = h;
        Thread[] callers = new Thread[count];
        for (int i = 0; i < count; i++) {
            callers[i] = Thread.ofVirtual().name("held-" + i).start(() -> {
                try (PostingConversation co = client.postingEnd().newConversation()) {
                    co.sendCode("hold()");
                    co.startRecv();
                    co.recvObj();
                }
            });
        }
        h.awaitArrived();
        return () -> {
            h.gate.countDown();
            for (Thread t : callers) {
                Waits.join(t);
            }
        };
    }

    @Override
    public void close() {
        stop();
        client.close();
        server.close();
    }

    private void start(String name, Meter meter, Runnable body) {
        threads.add(Thread.ofVirtual().name(name).start(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                if (running) {
                    meter.fail(e);
                }
            }
        }));
    }

    private void stop() {
        running = false;
        threads.forEach(Waits::join);
        threads.clear();
    }

    /** Calls the server holds: each arrives, then waits at the gate. */
    private static final class HeldCalls {
        final CountDownLatch arrived;
        final CountDownLatch gate = new CountDownLatch(1);

        HeldCalls(int count) {
            arrived = new CountDownLatch(count);
        }

        void awaitArrived() {
            try {
                arrived.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calls arrived", e);
            }
        }
    }
}
