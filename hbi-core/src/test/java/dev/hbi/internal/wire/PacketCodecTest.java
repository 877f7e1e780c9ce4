package dev.hbi.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HbiProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes of the classic wire, copied from real runs of the reference (hbi-wire-reference §1.4),
 * decoded whole, one byte at a time and across random splits, and re-encoded byte for byte.
 */
class PacketCodecTest {

    /** §1.4 example 1: a request and its answer. */
    private static final String REQUEST = "[3#co_begin]101[24#]my_name = 'Nick'\nhello()[3#co_end]101";
    private static final String ANSWER =
            "[3#co_ack_begin]101[35#co_recv]'Hello, Nick from 127.0.0.1:49584!'[3#co_ack_end]101";
    /** §1.4 example 4: pipelined requests, answered out of order. */
    private static final String PIPELINED = "[3#co_begin]101[19#]slow_echo('A', 0.3)[3#co_end]101"
            + "[3#co_begin]102[17#]slow_echo('B', 0)[3#co_end]102";
    /** §1.4 example 6: the length counts UTF-8 bytes, not characters. */
    private static final byte[] NON_ASCII = concat("[1#co_begin]7[10#]echo_obj()[11#co_recv]",
            "'é中😀'", "[1#co_end]7");

    @Test
    void decodesTheReferenceRequestAndAnswer() {
        assertThat(decodeAll(ascii(REQUEST), Integer.MAX_VALUE)).containsExactly(
                new Packet(Directive.CO_BEGIN, "101"),
                new Packet(Directive.CODE, "my_name = 'Nick'\nhello()"),
                new Packet(Directive.CO_END, "101"));
        assertThat(decodeAll(ascii(ANSWER), Integer.MAX_VALUE)).containsExactly(
                new Packet(Directive.CO_ACK_BEGIN, "101"),
                new Packet(Directive.CO_RECV, "'Hello, Nick from 127.0.0.1:49584!'"),
                new Packet(Directive.CO_ACK_END, "101"));
    }

    @Test
    void encodesTheReferenceBytesExactly() {
        assertThat(encodeAll(decodeAll(ascii(REQUEST), Integer.MAX_VALUE))).isEqualTo(ascii(REQUEST));
        assertThat(encodeAll(decodeAll(ascii(ANSWER), Integer.MAX_VALUE))).isEqualTo(ascii(ANSWER));
        assertThat(encodeAll(decodeAll(ascii(PIPELINED), Integer.MAX_VALUE))).isEqualTo(ascii(PIPELINED));
        assertThat(encodeAll(decodeAll(NON_ASCII, Integer.MAX_VALUE))).isEqualTo(NON_ASCII);
    }

    @Test
    void lengthCountsUtf8BytesNotCharacters() {
        List<Packet> packets = decodeAll(NON_ASCII, Integer.MAX_VALUE);
        assertThat(packets.get(2)).isEqualTo(new Packet(Directive.CO_RECV, "'é中😀'"));
        assertThat(PacketEncoder.encode(Directive.CO_RECV, "'é中😀'").remaining()).isEqualTo(11 + "[11#co_recv]".length());
    }

    @Test
    void decodesTheSamePacketsWhenFedOneByteAtATime() {
        byte[] all = concat(REQUEST, ANSWER, PIPELINED);
        List<Packet> whole = decodeAll(all, Integer.MAX_VALUE);
        assertThat(decodeAll(all, 1)).isEqualTo(whole);
        assertThat(decodeAll(NON_ASCII, 1)).isEqualTo(decodeAll(NON_ASCII, Integer.MAX_VALUE));
    }

    @Test
    void decodesTheSamePacketsAcrossRandomSplits() {
        byte[] all = concat(REQUEST, ANSWER, PIPELINED, new String(NON_ASCII, StandardCharsets.UTF_8));
        List<Packet> whole = decodeAll(all, Integer.MAX_VALUE);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            assertThat(decodeSplit(all, random)).isEqualTo(whole);
        }
    }

    @Test
    void neverConsumesBytesPastAPacketBecauseRawDataMayFollow() {
        // §1.2: the bytes "[5#]x" after echo_data(5) are data, not a packet
        ByteBuffer in = ByteBuffer.wrap(ascii("[12#]echo_data(5)[5#]x[3#co_end]101"));
        PacketDecoder decoder = new PacketDecoder(1024);
        assertThat(decoder.decode(in)).isEqualTo(new Packet(Directive.CODE, "echo_data(5)"));
        assertThat(in.remaining()).isEqualTo("[5#]x[3#co_end]101".length());
        assertThat(decoder.isIdle()).isTrue();
    }

    @Test
    void decodesAZeroLengthPacketButNeverEncodesOne() {
        assertThat(decodeAll(ascii("[0#][0#co_recv]"), Integer.MAX_VALUE)).containsExactly(
                new Packet(Directive.CODE, ""), new Packet(Directive.CO_RECV, ""));
        assertThatThrownBy(() -> PacketEncoder.encode(Directive.CODE, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§1.3");
    }

    @Test
    void payloadMayContainBracketsHashesAndNewlines() {
        String code = "x = ']#[3#co_end]101'\ny = 2";
        ByteBuffer encoded = PacketEncoder.encode(Directive.CODE, code);
        assertThat(new PacketDecoder(1024).decode(encoded)).isEqualTo(new Packet(Directive.CODE, code));
    }

    @Test
    void refusesAHeaderThatDoesNotStartWithABracket() {
        assertThatThrownBy(() -> decodeAll(ascii("3#co_begin]101"), 1))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("expected '['").hasMessageContaining("'3'");
    }

    @Test
    void refusesAHeaderOfSixtyBytesWithoutClosingBracket() {
        String header = "[" + "1".repeat(59);
        PacketDecoder decoder = new PacketDecoder(Integer.MAX_VALUE);
        assertThatThrownBy(() -> feedOneByOne(decoder, ascii(header)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("no ']' within the first 60 bytes");
    }

    @Test
    void acceptsAHeaderOfExactlySixtyBytes() {
        String header = "[" + "0".repeat(56) + "1#]";
        assertThat(header).hasSize(60);
        assertThat(decodeAll(ascii(header + "x"), 1)).containsExactly(new Packet(Directive.CODE, "x"));
    }

    @Test
    void refusesALengthOverTheLimitBeforeReadingThePayload() {
        PacketDecoder decoder = new PacketDecoder(1000);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(ascii("[1001#]"))))
                .isInstanceOf(HbiProtocolException.class)
                .hasMessageContaining("'[1001#]'").hasMessageContaining("more than the 1000 bytes");
        assertThatThrownBy(() -> new PacketDecoder(1000).decode(ByteBuffer.wrap(ascii("[99999999999999999999#]"))))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("more than the 1000 bytes");
    }

    @Test
    void refusesLengthsThatAreNotPlainDecimal() {
        for (String header : List.of("[#]", "[+3#]", "[ 3#]", "[-1#]", "[1_0#]", "[0x1#]")) {
            assertThatThrownBy(() -> decodeAll(ascii(header), Integer.MAX_VALUE))
                    .as(header).isInstanceOf(HbiProtocolException.class).hasMessageContaining("malformed packet header");
        }
    }

    @Test
    void refusesAnUnknownDirectiveByName() {
        assertThatThrownBy(() -> decodeAll(ascii("[0#bogus]"), Integer.MAX_VALUE))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("'bogus' is not a directive");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = {'[', '2', '#', ']', (byte) 0xc3, (byte) 0x28};
        assertThatThrownBy(() -> decodeAll(bad, Integer.MAX_VALUE))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesToEncodeAnUnpairedSurrogate() {
        assertThatThrownBy(() -> PacketEncoder.encode(Directive.CODE, "'\ud800'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void growsThePayloadBufferOnlyAsBytesArrive() {
        int size = 5 << 20;
        byte[] body = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
        byte[] packet = concat("[" + size + "#]", new String(body, StandardCharsets.US_ASCII));
        List<Packet> packets = decodeSplit(packet, new Random(7));
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).payload()).hasSize(size);
    }

    @Test
    void showsPacketsAsTheyLookOnTheWire() {
        assertThat(new Packet(Directive.CO_BEGIN, "101")).hasToString("[3#co_begin]101");
        assertThat(new Packet(Directive.CODE, "é")).hasToString("[2#]é");
    }

    private static List<Packet> decodeAll(byte[] bytes, int chunk) {
        PacketDecoder decoder = new PacketDecoder(Integer.MAX_VALUE);
        List<Packet> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunk) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at));
            drain(decoder, piece, out);
        }
        assertThat(decoder.isIdle()).isTrue();
        return out;
    }

    private static List<Packet> decodeSplit(byte[] bytes, Random random) {
        PacketDecoder decoder = new PacketDecoder(Integer.MAX_VALUE);
        List<Packet> out = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 70_000));
            drain(decoder, ByteBuffer.wrap(bytes, at, n), out);
            at += n;
        }
        return out;
    }

    private static void drain(PacketDecoder decoder, ByteBuffer piece, List<Packet> out) {
        while (piece.hasRemaining()) {
            Packet p = decoder.decode(piece);
            if (p != null) {
                out.add(p);
            }
        }
    }

    private static void feedOneByOne(PacketDecoder decoder, byte[] bytes) {
        for (byte b : bytes) {
            decoder.decode(ByteBuffer.wrap(new byte[] {b}));
        }
    }

    private static byte[] encodeAll(List<Packet> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Packet p : packets) {
            ByteBuffer b = PacketEncoder.encode(p.directive(), p.payload());
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }
}
