package dev.hbi.benchmarks.peers;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Messages as plain byte arrays, with no protobuf: the stream tells gRPC its exact length
 * ({@link KnownLength}), as protobuf's own marshaller does, so gRPC frames it without buffering first.
 */
final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {

    static final BytesMarshaller INSTANCE = new BytesMarshaller();

    @Override
    public InputStream stream(byte[] value) {
        return new KnownLengthStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
        KnownLengthStream(byte[] bytes) {
            super(bytes);
        }
    }
}
