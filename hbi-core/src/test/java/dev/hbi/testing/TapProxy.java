package dev.hbi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A TCP proxy for tests that forwards one connection to a target and records the bytes the client sent,
 * so a test can check what went over the wire.
 */
public final class TapProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();

    private TapProxy(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Starts a proxy to a target, accepting one connection.
     *
     * @param target where to forward
     * @return the proxy
     * @throws IOException if it cannot listen
     */
    public static TapProxy to(SocketAddress target) throws IOException {
        TapProxy tap = new TapProxy(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().name("tap").start(() -> tap.forward(target));
        return tap;
    }

    /**
     * Returns where clients connect.
     *
     * @return the proxy's address
     */
    public SocketAddress address() {
        return listener.getLocalSocketAddress();
    }

    /**
     * Returns what the client sent so far.
     *
     * @return the bytes
     */
    public byte[] clientBytes() {
        synchronized (fromClient) {
            return fromClient.toByteArray();
        }
    }

    private void forward(SocketAddress target) {
        try (Socket client = listener.accept(); Socket server = new Socket()) {
            server.connect(target);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            InputStream fromServer = server.getInputStream();
            Thread back = Thread.ofVirtual().start(() -> pump(fromServer, client, null));
            pump(client.getInputStream(), server, fromClient);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private static void pump(InputStream in, Socket out, ByteArrayOutputStream record) {
        byte[] buffer = new byte[64 << 10];
        try (OutputStream to = out.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (record != null) {
                    synchronized (record) {
                        record.write(buffer, 0, n);
                    }
                }
                to.write(buffer, 0, n);
            }
            out.shutdownOutput();
        } catch (IOException e) {
            // one side went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
