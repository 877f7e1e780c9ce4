package dev.hbi.testing;

import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameDecoder;
import dev.hbi.internal.wire.StreamDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Decodes frames of the multiplexed wire whole: the pieces of each DATA frame the {@link FrameDecoder}
 * hands out are collected into one frame, for tests that compare or inspect whole frames.
 */
public final class WholeFrames implements StreamDecoder<Frame> {

    private final FrameDecoder decoder;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /**
     * Creates the decoder.
     *
     * @param maxFrameSize the largest payload accepted
     */
    public WholeFrames(int maxFrameSize) {
        this.decoder = new FrameDecoder(maxFrameSize);
    }

    @Override
    public Frame decode(ByteBuffer in) {
        while (true) {
            Frame frame = decoder.decode(in);
            if (!(frame instanceof Frame.Data piece)) {
                return frame;
            }
            if (piece.first()) {
                data.reset();
            }
            byte[] bytes = new byte[piece.payload().remaining()];
            piece.payload().duplicate().get(bytes);
            data.writeBytes(bytes);
            if (piece.last()) {
                return new Frame.Data(piece.conversationId(), ByteBuffer.wrap(data.toByteArray()));
            }
        }
    }

    @Override
    public boolean isIdle() {
        return decoder.isIdle();
    }

    @Override
    public String unitName() {
        return decoder.unitName();
    }
}
