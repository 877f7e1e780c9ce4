package dev.hbi.benchmarks.peers;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.ByteBufPayload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RSocket-java over TCP, as its README recommends for speed: zero-copy payload decoding on both sides
 * (payloads are released by hand), requests issued without blocking, the next call issued from the
 * completion of the previous one so that exactly {@code inFlight} are outstanding; request-response for
 * round trips, fire-and-forget for one-way messages, request-stream for the bulk stream.
 */
final class RSocketPeers extends AsyncPeers {

    private static final ByteBuf CHUNKS = Unpooled.directBuffer(1 << 20).writerIndex(1 << 20);
    private static final byte HOLD = 'H';

    private final CloseableChannel server;
    private final RSocket client;
    private volatile Meter handled;
    private volatile Window window;
    private volatile HeldCalls held;

    RSocketPeers() {
        server = RSocketServer.create(SocketAcceptor.with(new Responder()))
                .payloadDecoder(PayloadDecoder.ZERO_COPY)
                .bind(TcpServerTransport.create("127.0.0.1", 0))
                .block();
        client = RSocketConnector.create()
                .payloadDecoder(PayloadDecoder.ZERO_COPY)
                .connect(TcpClientTransport.create(server.address()))
                .block();
    }

    /** The server side. */
    private final class Responder implements RSocket {

        @Override
        public Mono<Payload> requestResponse(Payload request) {
            if (request.data().getByte(0) == HOLD) {
                request.release();
                HeldCalls h = held;
                h.arrived.countDown();
                return Mono.fromFuture(h.gate).thenReturn(ByteBufPayload.create("1"));
            }
            ByteBuf echo = request.sliceData().retain();
            request.release();
            return Mono.just(ByteBufPayload.create(echo));
        }

        @Override
        public Mono<Void> fireAndForget(Payload message) {
            message.release();
            handled.count(1);
            window.release(1);
            return Mono.empty();
        }

        @Override
        public Flux<Payload> requestStream(Payload request) {
            int chunkBytes = request.data().getInt(0);
            int chunks = request.data().getInt(4);
            request.release();
            return Flux.range(0, chunks).map(i -> ByteBufPayload.create(CHUNKS.retainedSlice(0, chunkBytes)));
        }
    }

    @Override
    void call(Meter meter, Runnable then) {
        long start = System.nanoTime();
        client.requestResponse(ByteBufPayload.create(Values.text(serial.incrementAndGet())))
                .subscribe(answer -> {
                    answer.release();
                    meter.completed(start);
                    then.run();
                }, meter::fail);
    }

    @Override
    public void call() {
        Payload answer = client.requestResponse(ByteBufPayload.create(Values.text(serial.incrementAndGet()))).block();
        if (answer != null) {
            answer.release();
        }
    }

    @Override
    public Load oneWay(Window w, Meter meter) {
        window = w;
        handled = meter;
        Thread sender = Thread.ofPlatform().daemon().name("rsocket-sender").start(() -> {
            while (running && w.acquire(1)) {
                client.fireAndForget(ByteBufPayload.create(Values.text(serial.incrementAndGet())))
                        .subscribe(null, meter::fail);
            }
        });
        return () -> {
            running = false;
            w.close();
            Waits.join(sender);
        };
    }

    @Override
    void stream(int chunkBytes, int chunks, Meter meter, Runnable then) {
        ByteBuf request = Unpooled.buffer(8).writeInt(chunkBytes).writeInt(chunks);
        client.requestStream(ByteBufPayload.create(request)).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            protected void hookOnNext(Payload chunk) {
                int bytes = chunk.data().readableBytes();
                chunk.release();
                meter.count(bytes / BLOCK_BYTES);
            }

            @Override
            protected void hookOnComplete() {
                then.run();
            }

            @Override
            protected void hookOnError(Throwable failure) {
                meter.fail(failure);
            }
        });
    }

    @Override
    public Held hold(int count) {
        HeldCalls h = new HeldCalls(count);
        held = h;
        CountDownLatch answered = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            client.requestResponse(ByteBufPayload.create(new byte[] {HOLD}))
                    .subscribe(answer -> {
                        answer.release();
                        answered.countDown();
                    });
        }
        Waits.await(h.arrived);
        return () -> {
            h.gate.complete(null);
            Waits.await(answered);
        };
    }

    @Override
    public void close() {
        running = false;
        client.dispose();
        client.onClose().block(Duration.ofSeconds(5));
        server.dispose();
        server.onClose().block(Duration.ofSeconds(5));
    }

    /** Calls the server holds until the gate completes. */
    private static final class HeldCalls {
        final CountDownLatch arrived;
        final CompletableFuture<Void> gate = new CompletableFuture<>();

        HeldCalls(int count) {
            arrived = new CountDownLatch(count);
        }
    }
}
