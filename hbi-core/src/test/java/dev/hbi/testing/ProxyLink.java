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
 * A TCP proxy for one connection, for tests: it records what the client sent, so a test can check what
 * went over the wire, and it breaks down on cue: after a given number of bytes in one direction it closes
 * (the far peer died), resets (RST, as a crashed host or a firewall does), or stalls (stops forwarding and
 * keeps both sockets open, as a hung peer does).
 */
public final class ProxyLink implements AutoCloseable {

    /** How the link breaks. */
    public enum Fault {
        /** Both sockets are closed: each side sees end of stream. */
        CLOSE,
        /** Both sockets are reset: each side sees "connection reset". */
        RESET,
        /** Nothing more is forwarded in the broken direction; the sockets stay open. */
        STALL
    }

    private final ServerSocket listener;
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    private volatile Socket client;
    private volatile Socket server;
    private volatile long downstreamLimit = Long.MAX_VALUE;
    private volatile long upstreamLimit = Long.MAX_VALUE;
    private volatile Fault fault = Fault.CLOSE;

    private ProxyLink(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Starts a link to a target, accepting one connection.
     *
     * @param target where to forward
     * @return the link
     * @throws IOException if it cannot listen
     */
    public static ProxyLink to(SocketAddress target) throws IOException {
        ProxyLink link = new ProxyLink(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().name("proxy-link").start(() -> link.forward(target));
        return link;
    }

    /**
     * Returns where clients connect.
     *
     * @return the link's address
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

    /**
     * Breaks the link once the server has sent this many bytes to the client in all.
     *
     * @param bytes how many bytes get through
     * @param how   how it breaks
     * @return this link
     */
    public ProxyLink breakDownstreamAfter(long bytes, Fault how) {
        fault = how;
        downstreamLimit = bytes;
        return this;
    }

    /**
     * Breaks the link once the client has sent this many bytes to the server in all.
     *
     * @param bytes how many bytes get through
     * @param how   how it breaks
     * @return this link
     */
    public ProxyLink breakUpstreamAfter(long bytes, Fault how) {
        fault = how;
        upstreamLimit = bytes;
        return this;
    }

    /**
     * Breaks the link at once.
     *
     * @param how how it breaks
     * @throws IOException if closing a socket fails
     */
    public void breakNow(Fault how) throws IOException {
        fault = how;
        strike();
    }

    private void forward(SocketAddress target) {
        try {
            client = listener.accept();
            server = new Socket();
            server.connect(target);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            Thread up = Thread.ofVirtual().name("proxy-link-up").start(() -> pump(client, server, true));
            pump(server, client, false);
            up.join();
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[16 << 10];
        long forwarded = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long limit = upstream ? upstreamLimit : downstreamLimit;
                int pass = (int) Math.max(0, Math.min(n, limit - forwarded));
                if (upstream) {
                    synchronized (fromClient) {
                        fromClient.write(buffer, 0, pass);
                    }
                }
                out.write(buffer, 0, pass);
                forwarded += pass;
                if (forwarded >= limit) {
                    strike();
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away, or the link broke
        }
    }

    private void strike() throws IOException {
        if (fault == Fault.STALL) {
            downstreamLimit = 0;
            upstreamLimit = 0;
        }
        switch (fault) {
            case CLOSE -> closeBoth(false);
            case RESET -> closeBoth(true);
            case STALL -> { }
        }
    }

    private void closeBoth(boolean reset) throws IOException {
        for (Socket s : new Socket[] {client, server}) {
            if (reset) {
                s.setSoLinger(true, 0);
            }
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : new Socket[] {client, server}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
