package dev.hbi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.FrameDecoder;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.PacketDecoder;
import dev.hbi.internal.wire.Settings;
import dev.hbi.internal.wire.StreamDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both wire decoders fed generated and mutated inputs in random pieces: every case ends in decoded units
 * or a protocol exception with a reason, never another exception, and a unit is never bigger than the
 * limits allow. The default run does a fast subset; {@code mvn test -Pfuzz} runs a million cases each.
 */
class DecoderFuzzTest {

    private static final int MAX_PACKET = 4096;
    private static final int MAX_FRAME = 16384;

    private static List<byte[]> packetCorpus() {
        List<String> packets = List.of("[3#co_begin]101", "[24#]my_name = 'Nick'\nhello()", "[3#co_end]101",
                "[3#co_ack_begin]101", "[35#co_recv]'Hello, Nick from 127.0.0.1:49584!'", "[3#co_ack_end]101",
                "[0#]", "[11#co_recv]'é中😀'", "[5#err]oops!", "[12#]echo_data(5)ABCDE");
        return packets.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static List<byte[]> frameCorpus() {
        ByteBuffer text = ByteBuffer.wrap("hello()".getBytes(StandardCharsets.UTF_8));
        List<ByteBuffer[]> frames = List.of(
                FrameEncoder.data(1, ByteBuffer.wrap(new byte[] {1, 2, 3})),
                new ByteBuffer[] {FrameEncoder.code(3, false, true, text)},
                new ByteBuffer[] {FrameEncoder.code(3, true, false, text)},
                new ByteBuffer[] {FrameEncoder.end(5)},
                new ByteBuffer[] {FrameEncoder.reset(7, ErrorCode.CANCEL, "bye", MAX_FRAME)},
                new ByteBuffer[] {FrameEncoder.windowUpdate(0, 65536)},
                new ByteBuffer[] {FrameEncoder.ping(false, 42)},
                new ByteBuffer[] {FrameEncoder.goAway(ErrorCode.NO_ERROR, "done", MAX_FRAME)},
                new ByteBuffer[] {FrameEncoder.notify(text)},
                new ByteBuffer[] {FrameEncoder.notified(3, "oops", MAX_FRAME)},
                new ByteBuffer[] {FrameEncoder.preface(Settings.DEFAULTS).position(10).slice()});
        List<byte[]> out = new ArrayList<>();
        for (ByteBuffer[] frame : frames) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (ByteBuffer b : frame) {
                byte[] a = new byte[b.remaining()];
                b.duplicate().get(a);
                bytes.writeBytes(a);
            }
            out.add(bytes.toByteArray());
        }
        return out;
    }

    @Test
    @Timeout(600)
    void classicPacketDecoderEndsEveryCaseInPacketsOrAReason() {
        fuzz(new Mutator(1, packetCorpus()), Mutator.cases(20_000), () -> new PacketDecoder(MAX_PACKET),
                unit -> assertThat(unit.payload().length()).isLessThanOrEqualTo(MAX_PACKET));
    }

    @Test
    @Timeout(600)
    void frameDecoderEndsEveryCaseInFramesOrAReason() {
        fuzz(new Mutator(2, frameCorpus()), Mutator.cases(20_000), () -> new FrameDecoder(MAX_FRAME),
                unit -> assertThat(payloadLength(unit)).isLessThanOrEqualTo(MAX_FRAME));
    }

    private static int payloadLength(Frame frame) {
        return switch (frame) {
            case Frame.Data d -> d.frameLength();
            case Frame.Code c -> c.text().remaining();
            case Frame.Notify n -> n.text().remaining();
            case Frame.Unknown u -> u.length();
            default -> 0;
        };
    }

    private static <T> void fuzz(Mutator mutator, int cases, java.util.function.Supplier<StreamDecoder<T>> decoders,
                                 java.util.function.Consumer<T> check) {
        int refused = 0;
        int decoded = 0;
        for (int i = 0; i < cases; i++) {
            byte[] input = mutator.next();
            StreamDecoder<T> decoder = decoders.get();
            try {
                decoded += feed(decoder, input, mutator, check);
            } catch (HbiProtocolException reason) {
                assertThat(reason.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException | Error other) {
                fail("case " + i + " (" + java.util.HexFormat.of().formatHex(input) + ") ended in " + other, other);
            }
        }
        assertThat(refused).as("some cases must be refused").isPositive();
        assertThat(decoded).as("some cases must decode").isPositive();
    }

    private static <T> int feed(StreamDecoder<T> decoder, byte[] input, Mutator mutator,
                                java.util.function.Consumer<T> check) {
        int units = 0;
        int at = 0;
        while (at < input.length) {
            int n = Math.min(input.length - at, mutator.nextPiece(input.length - at));
            ByteBuffer piece = ByteBuffer.wrap(input, at, n);
            while (piece.hasRemaining()) {
                T unit = decoder.decode(piece);
                if (unit != null) {
                    check.accept(unit);
                    units++;
                }
            }
            at += n;
        }
        return units;
    }
}
