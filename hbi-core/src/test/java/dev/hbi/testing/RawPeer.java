package dev.hbi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A peer that speaks the classic wire by hand over a plain socket, for tests of what the library sends
 * back to exact bytes, including malformed ones.
 */
public final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a TCP address.
     *
     * @param address where to connect
     * @return the peer
     * @throws IOException if connecting fails
     */
    public static RawPeer connect(SocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        return new RawPeer(socket);
    }

    /**
     * Sends text as UTF-8.
     *
     * @param text the bytes to send
     * @return this peer
     * @throws IOException if sending fails
     */
    public RawPeer send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends bytes.
     *
     * @param bytes the bytes
     * @return this peer
     * @throws IOException if sending fails
     */
    public RawPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Half-closes: the library sees end of stream.
     *
     * @return this peer
     * @throws IOException if that fails
     */
    public RawPeer shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /**
     * Reads until the library closes the connection (at most 5 s).
     *
     * @return everything received, as UTF-8 text
     * @throws IOException if reading fails
     */
    public String readToEnd() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the library did not close the connection within 5 s; got so far: "
                    + got.toString(StandardCharsets.UTF_8), e);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads exactly as many bytes as {@code expected} has, and returns them as text.
     *
     * @param expected the text expected, for its length
     * @return what was read
     * @throws IOException if reading fails or times out
     */
    public String read(String expected) throws IOException {
        byte[] bytes = in.readNBytes(expected.getBytes(StandardCharsets.UTF_8).length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Returns the address of the socket's local end.
     *
     * @return the local address
     */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
