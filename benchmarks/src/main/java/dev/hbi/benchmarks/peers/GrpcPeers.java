package dev.hbi.benchmarks.peers;

import dev.hbi.benchmarks.harness.Meter;
import dev.hbi.benchmarks.harness.Window;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * gRPC-java over Netty (its shaded transport, which uses epoll here), with a direct executor on both
 * sides as its performance guide recommends for non-blocking handlers, and byte-array messages instead
 * of protobuf: unary calls issued asynchronously, the next from the completion of the previous one so that
 * exactly {@code inFlight} are outstanding; server streaming with the server's flow control
 * ({@code isReady}/{@code onReady}) for the bulk stream. gRPC has no fire-and-forget.
 */
final class GrpcPeers extends AsyncPeers {

    private static final MethodDescriptor<byte[], byte[]> ECHO = method(MethodDescriptor.MethodType.UNARY, "Echo");
    private static final MethodDescriptor<byte[], byte[]> HOLD = method(MethodDescriptor.MethodType.UNARY, "Hold");
    private static final MethodDescriptor<byte[], byte[]> DOWNLOAD =
            method(MethodDescriptor.MethodType.SERVER_STREAMING, "Download");

    private final Server server;
    private final ManagedChannel channel;
    private final Queue<StreamObserver<byte[]>> heldCalls = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch arrived = new CountDownLatch(0);

    GrpcPeers() {
        ServerServiceDefinition service = ServerServiceDefinition.builder("bench")
                .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, answer) -> {
                    answer.onNext(request);
                    answer.onCompleted();
                }))
                .addMethod(HOLD, ServerCalls.asyncUnaryCall((request, answer) -> {
                    heldCalls.add(answer);
                    arrived.countDown();
                }))
                .addMethod(DOWNLOAD, ServerCalls.asyncServerStreamingCall((request, answer) ->
                        stream(request, (ServerCallStreamObserver<byte[]>) answer)))
                .build();
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .directExecutor()
                    .addService(service)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = NettyChannelBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()))
                .usePlaintext()
                .directExecutor()
                .build();
    }

    private static MethodDescriptor<byte[], byte[]> method(MethodDescriptor.MethodType type, String name) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("bench", name))
                .setRequestMarshaller(BytesMarshaller.INSTANCE)
                .setResponseMarshaller(BytesMarshaller.INSTANCE)
                .build();
    }

    /** Sends the chunks while the transport is ready for more, and again each time it becomes ready. */
    private static void stream(byte[] request, ServerCallStreamObserver<byte[]> answer) {
        ByteBuffer r = ByteBuffer.wrap(request);
        byte[] chunk = new byte[r.getInt(0)];
        int chunks = r.getInt(4);
        int[] sent = {0};
        answer.setOnReadyHandler(() -> {
            while (sent[0] < chunks && answer.isReady()) {
                answer.onNext(chunk);
                if (++sent[0] == chunks) {
                    answer.onCompleted();
                }
            }
        });
    }

    @Override
    void call(Meter meter, Runnable then) {
        long start = System.nanoTime();
        ClientCalls.asyncUnaryCall(channel.newCall(ECHO, CallOptions.DEFAULT), value(),
                observer(answer -> meter.completed(start), meter::fail, then));
    }

    private byte[] value() {
        return Values.text(serial.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void call() {
        ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, value());
    }

    @Override
    public Load oneWay(Window window, Meter meter) {
        throw new UnsupportedOperationException("gRPC has no fire-and-forget");
    }

    @Override
    void stream(int chunkBytes, int chunks, Meter meter, Runnable then) {
        byte[] request = ByteBuffer.allocate(8).putInt(chunkBytes).putInt(chunks).array();
        ClientCalls.asyncServerStreamingCall(channel.newCall(DOWNLOAD, CallOptions.DEFAULT), request,
                observer(chunk -> meter.count(chunk.length / BLOCK_BYTES), meter::fail, then));
    }

    @Override
    public Held hold(int count) {
        arrived = new CountDownLatch(count);
        CountDownLatch answered = new CountDownLatch(count);
        StreamObserver<byte[]> counter = observer(answer -> answered.countDown(), failure -> {
            throw new IllegalStateException(failure);
        }, () -> { });
        for (int i = 0; i < count; i++) {
            ClientCalls.asyncUnaryCall(channel.newCall(HOLD, CallOptions.DEFAULT), new byte[1], counter);
        }
        Waits.await(arrived);
        return () -> {
            for (StreamObserver<byte[]> answer; (answer = heldCalls.poll()) != null; ) {
                answer.onNext(new byte[1]);
                answer.onCompleted();
            }
            Waits.await(answered);
        };
    }

    @Override
    public void close() {
        running = false;
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StreamObserver<byte[]> observer(Consumer<byte[]> next, Consumer<Throwable> failed,
                                                   Runnable completed) {
        return new StreamObserver<>() {
            @Override
            public void onNext(byte[] value) {
                next.accept(value);
            }

            @Override
            public void onError(Throwable failure) {
                failed.accept(failure);
            }

            @Override
            public void onCompleted() {
                completed.run();
            }
        };
    }
}
