package dev.hbi.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.hbi.ErrorCode;
import dev.hbi.HbiProtocolException;
import dev.hbi.testing.WholeFrames;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes of every frame of the multiplexed wire (docs/wire-protocol.md §3, §4), written by hand
 * from the spec, decoded whole, one byte at a time and across random splits, and re-encoded byte for
 * byte.
 */
class FrameCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Settings LANDS_NOTIFICATIONS = new Settings(16384, 16384, 32768, 2, 4096, true);

    /** Each golden frame: its bytes as hex, and the frame they decode to. */
    private record Golden(String hex, Frame frame, ByteBuffer[] encoded) {
    }

    private static List<Golden> goldens() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3});
        ByteBuffer code = ByteBuffer.wrap("hello()".getBytes(StandardCharsets.UTF_8));
        ByteBuffer obj = ByteBuffer.wrap("'é'".getBytes(StandardCharsets.UTF_8));
        return List.of(
                new Golden("000003" + "00" + "00" + "00000003" + "010203",
                        new Frame.Data(3, data), FrameEncoder.data(3, data)),
                new Golden("000007" + "01" + "00" + "00000005" + "68656c6c6f2829",
                        new Frame.Code(5, false, false, code), one(FrameEncoder.code(5, false, false, code))),
                new Golden("000004" + "01" + "03" + "00000002" + "27c3a927",
                        new Frame.Code(2, true, true, obj), one(FrameEncoder.code(2, true, true, obj))),
                new Golden("000000" + "02" + "00" + "00000007",
                        new Frame.End(7), one(FrameEncoder.end(7))),
                new Golden("000008" + "03" + "00" + "00000009" + "00000007" + "6f6f7073",
                        new Frame.Reset(9, ErrorCode.LANDING_ERROR, "oops"),
                        one(FrameEncoder.reset(9, ErrorCode.LANDING_ERROR, "oops", 65536))),
                new Golden("000004" + "04" + "00" + "00000000" + "00010000",
                        new Frame.WindowUpdate(0, 65536), one(FrameEncoder.windowUpdate(0, 65536))),
                new Golden("000004" + "04" + "00" + "7fffffff" + "7fffffff",
                        new Frame.WindowUpdate(Integer.MAX_VALUE, Integer.MAX_VALUE),
                        one(FrameEncoder.windowUpdate(Integer.MAX_VALUE, Integer.MAX_VALUE))),
                new Golden("000008" + "05" + "01" + "00000000" + "0102030405060708",
                        new Frame.Ping(true, 0x0102030405060708L), one(FrameEncoder.ping(true, 0x0102030405060708L))),
                new Golden("000006" + "06" + "00" + "00000000" + "00000000" + "6279",
                        new Frame.GoAway(ErrorCode.NO_ERROR, "by"), one(FrameEncoder.goAway(ErrorCode.NO_ERROR, "by", 65536))),
                new Golden("000024" + "07" + "00" + "00000000"
                        + "0001" + "00010000" + "0002" + "00100000" + "0003" + "02000000" + "0004" + "00002710"
                        + "0005" + "00100000" + "0006" + "00000000",
                        new Frame.SettingsFrame(Settings.DEFAULTS),
                        new ByteBuffer[] {FrameEncoder.preface(Settings.DEFAULTS).position(Preface.LENGTH).slice()}),
                new Golden("000024" + "07" + "00" + "00000000"
                        + "0001" + "00004000" + "0002" + "00004000" + "0003" + "00008000" + "0004" + "00000002"
                        + "0005" + "00001000" + "0006" + "00000001",
                        new Frame.SettingsFrame(LANDS_NOTIFICATIONS),
                        new ByteBuffer[] {FrameEncoder.preface(LANDS_NOTIFICATIONS).position(Preface.LENGTH).slice()}),
                new Golden("000007" + "08" + "00" + "00000000" + "68656c6c6f2829",
                        new Frame.Notify(code), one(FrameEncoder.notify(code))),
                new Golden("000004" + "09" + "00" + "00000000" + "00000400",
                        new Frame.Notified(1024, ""), one(FrameEncoder.notified(1024, "", 65536))),
                new Golden("000008" + "09" + "00" + "00000000" + "00000001" + "6f6f7073",
                        new Frame.Notified(1, "oops"), one(FrameEncoder.notified(1, "oops", 65536))));
    }

    private static ByteBuffer[] one(ByteBuffer b) {
        return new ByteBuffer[] {b};
    }

    @Test
    void encodesEveryFrameToItsGoldenBytes() {
        for (Golden g : goldens()) {
            assertThat(HEX.formatHex(concat(g.encoded()))).as(g.frame().toString()).isEqualTo(g.hex());
        }
    }

    @Test
    void decodesEveryGoldenFrameWholeOneByteAtATimeAndSplit() {
        byte[] all = concat(goldens().stream().map(g -> HEX.parseHex(g.hex())).toArray(byte[][]::new));
        List<Frame> expected = goldens().stream().map(Golden::frame).toList();
        assertThat(decode(all, Integer.MAX_VALUE)).isEqualTo(expected);
        assertThat(decode(all, 1)).isEqualTo(expected);
        Random random = new Random(3);
        for (int round = 0; round < 100; round++) {
            assertThat(decode(all, 1 + random.nextInt(20))).isEqualTo(expected);
        }
    }

    @Test
    void handsDataOutInPiecesAsItsBytesArriveWithoutCopyingThem() {
        byte[] frame = HEX.parseHex("000005" + "00" + "00" + "00000003" + "0102030405" + "000000" + "00" + "00" + "00000001");
        FrameDecoder decoder = new FrameDecoder(65536);
        ByteBuffer in = ByteBuffer.wrap(frame, 0, 10);
        List<Frame.Data> pieces = new ArrayList<>();
        for (int end = 10; end <= frame.length; end++) {
            in.limit(end);
            Frame piece = decoder.decode(in);
            if (piece != null) {
                assertThat(((Frame.Data) piece).payload().hasArray()).as("a view of the input").isTrue();
                assertThat(((Frame.Data) piece).payload().array()).isSameAs(frame);
                pieces.add((Frame.Data) piece);
                assertThat(decoder.isIdle()).isEqualTo(((Frame.Data) piece).last());
            }
        }
        assertThat(pieces).extracting(Frame.Data::conversationId, Frame.Data::frameLength, Frame.Data::offset,
                        Frame.Data::first, Frame.Data::last)
                .containsExactly(tuple(3, 5, 0, true, false), tuple(3, 5, 1, false, false), tuple(3, 5, 2, false, false),
                        tuple(3, 5, 3, false, false), tuple(3, 5, 4, false, true), tuple(1, 0, 0, true, true));
        assertThat(pieces.subList(0, 5)).extracting(p -> p.payload().get(0)).containsExactly(
                (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5);
    }

    @Test
    void handsOutAsOnePieceTheBytesThatArriveTogether() {
        byte[] frame = HEX.parseHex("000005" + "00" + "00" + "00000003" + "0102030405");
        FrameDecoder decoder = new FrameDecoder(65536);
        Frame.Data head = (Frame.Data) decoder.decode(ByteBuffer.wrap(frame, 0, 11));
        Frame.Data rest = (Frame.Data) decoder.decode(ByteBuffer.wrap(frame, 11, 3));
        assertThat(head).isEqualTo(new Frame.Data(3, 5, 0, true, ByteBuffer.wrap(new byte[] {1, 2})));
        assertThat(rest).isEqualTo(new Frame.Data(3, 5, 2, false, ByteBuffer.wrap(new byte[] {3, 4, 5})));
        assertThat(decoder.isIdle()).isTrue();
        assertThat(FrameLog.format(true, head)).isEqualTo("<< 0x00000003      5 DATA          bytes 0..2");
    }

    @Test
    void opensADataFrameAsSoonAsItsHeaderIsCompleteThenSkipsWhatTheReaderReadItself() {
        FrameDecoder decoder = new FrameDecoder(65536);
        Frame.Data opening = (Frame.Data) decoder.decode(FrameEncoder.header(20000, FrameType.DATA, 0, 7));
        assertThat(opening).isEqualTo(new Frame.Data(7, 20000, 0, true, ByteBuffer.allocate(0)));
        assertThat(decoder.decode(ByteBuffer.allocate(0))).as("later pieces are never empty").isNull();
        decoder.skipData(19998);
        assertThat(decoder.isIdle()).isFalse();
        assertThat(decoder.decode(ByteBuffer.wrap(new byte[] {8, 9, 0, 0, 0})))
                .isEqualTo(new Frame.Data(7, 20000, 19998, false, ByteBuffer.wrap(new byte[] {8, 9})));
        assertThat(decoder.isIdle()).as("the three bytes after the frame are not consumed").isTrue();
        assertThatThrownBy(() -> decoder.skipData(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesThePrefaceAsMagicVersionAndSettings() {
        ByteBuffer preface = FrameEncoder.preface(Settings.DEFAULTS);
        assertThat(HEX.formatHex(concat(new ByteBuffer[] {preface.duplicate().limit(Preface.LENGTH)})))
                .isEqualTo("004842494d55580a0001");
        Preface.checkMagic(preface);
        Preface.checkVersion(preface);
        assertThat(preface.get(0)).isEqualTo(Preface.FIRST_BYTE);
    }

    @Test
    void refusesAForeignMagicSayingWhenItIsTheClassicWire() {
        ByteBuffer classic = ByteBuffer.wrap("[3#co_begin]101".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Preface.checkMagic(classic)).isInstanceOf(HbiProtocolException.class)
                .hasMessageContaining("it speaks the classic wire");
    }

    @Test
    void refusesAnotherVersionWithVersionMismatch() {
        ByteBuffer v2 = Preface.magicAndVersion().putShort(8, (short) 2);
        assertThatThrownBy(() -> Preface.checkVersion(v2)).isInstanceOf(HbiProtocolException.class)
                .satisfies(e -> assertThat(((HbiProtocolException) e).errorCode()).isEqualTo(ErrorCode.VERSION_MISMATCH))
                .hasMessageContaining("version 2");
    }

    @Test
    void refusesAFrameLongerThanMaxFrameSizeBeforeItsPayloadArrives() {
        FrameDecoder decoder = new FrameDecoder(16384);
        ByteBuffer header = FrameEncoder.header(16385, FrameType.DATA, 0, 1);
        assertThatThrownBy(() -> decoder.decode(header)).isInstanceOf(HbiProtocolException.class)
                .satisfies(e -> assertThat(((HbiProtocolException) e).errorCode()).isEqualTo(ErrorCode.FRAME_SIZE_ERROR))
                .hasMessageContaining("16385 bytes is longer than the MAX_FRAME_SIZE of 16384");
    }

    @Test
    void refusesWrongFixedSizes() {
        assertFrameSizeError(FrameEncoder.header(1, FrameType.END, 0, 1));
        assertFrameSizeError(FrameEncoder.header(5, FrameType.WINDOW_UPDATE, 0, 1));
        assertFrameSizeError(FrameEncoder.header(7, FrameType.PING, 0, 0));
        assertFrameSizeError(FrameEncoder.header(3, FrameType.RESET, 0, 1));
        assertFrameSizeError(FrameEncoder.header(7, FrameType.SETTINGS, 0, 0));
        assertFrameSizeError(FrameEncoder.header(3, FrameType.NOTIFIED, 0, 0));
        assertFrameSizeError(FrameEncoder.header(0, FrameType.NOTIFY, 0, 0));
    }

    private static void assertFrameSizeError(ByteBuffer header) {
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(header)).isInstanceOf(HbiProtocolException.class)
                .satisfies(e -> assertThat(((HbiProtocolException) e).errorCode()).isEqualTo(ErrorCode.FRAME_SIZE_ERROR));
    }

    @Test
    void refusesConversationFramesOnIdZeroAndConnectionFramesOnAConversation() {
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.end(0)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("END frame must not use conversation id 0");
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.header(8, FrameType.PING, 0, 3)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("PING frame must use conversation id 0");
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.header(1, FrameType.NOTIFY, 0, 1)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("NOTIFY frame must use conversation id 0");
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.header(4, FrameType.NOTIFIED, 0, 1)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("NOTIFIED frame must use conversation id 0");
    }

    @Test
    void refusesAZeroWindowUpdate() {
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.windowUpdate(1, 0)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("WINDOW_UPDATE of 0");
    }

    @Test
    void refusesANotifiedThatCountsNothing() {
        assertThatThrownBy(() -> new FrameDecoder(65536).decode(FrameEncoder.notified(0, "", 65536)))
                .isInstanceOf(HbiProtocolException.class).hasMessageContaining("NOTIFIED frame that counts no notification");
    }

    @Test
    void skipsUnknownFrameTypesWithoutAllocating() {
        byte[] unknown = HEX.parseHex("000003" + "2a" + "00" + "00000001" + "ffffff");
        byte[] end = HEX.parseHex("000000" + "02" + "00" + "00000001");
        assertThat(decode(concat(unknown, end), 1))
                .containsExactly(new Frame.Unknown(1, 0x2a, 3), new Frame.End(1));
    }

    @Test
    void ignoresTheReservedBitOfTheConversationId() {
        assertThat(decode(HEX.parseHex("000000" + "02" + "00" + "80000005"), 9)).containsExactly(new Frame.End(5));
    }

    @Test
    void refusesSettingsOutOfRange() {
        ByteBuffer tooSmall = ByteBuffer.allocate(6).putShort((short) 1).putInt(1000).flip();
        assertThatThrownBy(() -> Settings.decode(tooSmall)).hasMessageContaining("MAX_FRAME_SIZE = 1000 is out of range");
        ByteBuffer scriptOverWindow = ByteBuffer.allocate(12).putShort((short) 2).putInt(1000)
                .putShort((short) 5).putInt(2000).flip();
        assertThatThrownBy(() -> Settings.decode(scriptOverWindow)).hasMessageContaining("MAX_SCRIPT_SIZE");
        ByteBuffer notificationsTwo = ByteBuffer.allocate(6).putShort((short) 6).putInt(2).flip();
        assertThatThrownBy(() -> Settings.decode(notificationsTwo)).hasMessageContaining("NOTIFICATIONS = 2 is out of range");
    }

    @Test
    void cutsLongResetMessagesAtACharacterBoundary() {
        String message = "é".repeat(10_000);
        ByteBuffer reset = FrameEncoder.reset(1, ErrorCode.CANCEL, message, 16384);
        Frame.Reset decoded = (Frame.Reset) new FrameDecoder(16384).decode(reset);
        assertThat(decoded.message()).hasSize((16384 - 4) / 2);
    }

    @Test
    void logsOneLinePerFrame() {
        ByteBuffer text = ByteBuffer.wrap("x".getBytes(StandardCharsets.US_ASCII));
        assertThat(FrameLog.format(false, new Frame.Code(3, true, true, text)))
                .isEqualTo(">> 0x00000003      1 CODE          OBJECT|MORE");
        assertThat(FrameLog.format(true, new Frame.WindowUpdate(0, 5)))
                .isEqualTo("<< 0x00000000      4 WINDOW_UPDATE +5");
        assertThat(FrameLog.format(true, new Frame.Notified(3, "no")))
                .isEqualTo("<< 0x00000000      6 NOTIFIED      3 failed: no");
    }

    private static List<Frame> decode(byte[] bytes, int chunk) {
        WholeFrames decoder = new WholeFrames(65536);
        List<Frame> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunk) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at));
            while (piece.hasRemaining()) {
                Frame f = decoder.decode(piece);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        assertThat(decoder.isIdle()).isTrue();
        return out;
    }

    private static byte[] concat(ByteBuffer[] buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            ByteBuffer d = b.duplicate();
            byte[] bytes = new byte[d.remaining()];
            d.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
