package dev.hbi.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** Opening and configuring socket channels for HBI. */
public final class Sockets {

    private Sockets() {
    }

    /**
     * Connects to a TCP or Unix-domain address.
     *
     * @param address the address
     * @param timeout how long connecting may take
     * @return the connected channel, configured for HBI
     * @throws IOException if connecting failed or timed out
     */
    public static SocketChannel connect(SocketAddress address, Duration timeout) throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(address);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            configure(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * Puts a connected channel in the mode HBI needs: blocking, and without Nagle's delay on TCP, since
     * conversations are small packets waiting for answers.
     *
     * @param channel the channel
     * @throws IOException if the channel refuses
     */
    public static void configure(SocketChannel channel) throws IOException {
        channel.configureBlocking(true);
        if (channel.getRemoteAddress() instanceof InetSocketAddress) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    /**
     * Parses an address: {@code host:port}, {@code :port} or {@code port} (host 127.0.0.1),
     * {@code [v6]:port}, or {@code unix:/path} for a Unix-domain socket.
     *
     * @param spec the text
     * @return the address
     * @throws IllegalArgumentException if the text is not an address
     */
    public static SocketAddress parse(String spec) {
        if (spec.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(spec.substring("unix:".length()));
        }
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? "" : spec.substring(0, colon);
        String port = colon < 0 ? spec : spec.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "' is not an address: expected [HOST:]PORT or unix:PATH");
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("'" + spec + "': port " + number + " is out of range");
        }
        return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, number);
    }
}
