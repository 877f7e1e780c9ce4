package dev.hbi.internal;

import dev.hbi.internal.wire.Frame;
import dev.hbi.internal.wire.StreamDecoder;
import dev.hbi.testing.WholeFrames;
import dev.hbi.internal.wire.FrameEncoder;
import dev.hbi.internal.wire.Preface;
import dev.hbi.internal.wire.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A peer of the multiplexed wire scripted by hand over a plain socket, for tests of exact frames. */
final class MuxPeer implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StreamDecoder<Frame> decoder = new WholeFrames((1 << 24) - 1);
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 20).flip();

    private MuxPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Dials and sends raw bytes first (a preface, or something else).
     *
     * @param address the server
     * @param first   what to send first
     * @return the peer
     * @throws IOException if connecting fails
     */
    static MuxPeer dial(SocketAddress address, ByteBuffer first) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(5000);
        MuxPeer peer = new MuxPeer(socket);
        peer.send(first);
        return peer;
    }

    /**
     * Dials and completes the preface exchange with default settings.
     *
     * @param address the server
     * @return the peer, past the server's preface
     * @throws IOException if that fails
     */
    static MuxPeer handshake(SocketAddress address) throws IOException {
        MuxPeer peer = dial(address, FrameEncoder.preface(Settings.DEFAULTS));
        peer.readPreface();
        return peer;
    }

    /**
     * Reads the server's magic, version and SETTINGS.
     *
     * @return the server's settings
     * @throws IOException if that fails
     */
    Settings readPreface() throws IOException {
        ByteBuffer head = ByteBuffer.wrap(in.readNBytes(Preface.LENGTH));
        Preface.checkMagic(head);
        Preface.checkVersion(head);
        return ((Frame.SettingsFrame) next()).settings();
    }

    MuxPeer send(ByteBuffer... frames) throws IOException {
        // one write, so that the server reads the frames together, as a peer's batch: a frame written
        // on its own may come after the server acted on the ones before (closed their conversation)
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (ByteBuffer f : frames) {
            ByteBuffer d = f.duplicate();
            byte[] bytes = new byte[d.remaining()];
            d.get(bytes);
            all.writeBytes(bytes);
        }
        out.write(all.toByteArray());
        out.flush();
        return this;
    }

    /**
     * Reads the next frame.
     *
     * @return the frame, or {@code null} at end of stream
     * @throws IOException if reading fails or takes over 5 s
     */
    Frame next() throws IOException {
        while (true) {
            Frame frame = decoder.decode(pending);
            if (frame != null) {
                return frame;
            }
            byte[] chunk = new byte[8192];
            int n = in.read(chunk);
            if (n < 0) {
                return null;
            }
            pending.compact().put(chunk, 0, n).flip();
        }
    }

    /**
     * Reads every frame until the server closes the connection.
     *
     * @return the frames
     * @throws IOException if reading fails or the server does not close within 5 s
     */
    List<Frame> framesToEnd() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try {
            for (Frame f; (f = next()) != null; ) {
                frames.add(f);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server did not close within 5 s; frames so far: " + frames, e);
        }
        return frames;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
