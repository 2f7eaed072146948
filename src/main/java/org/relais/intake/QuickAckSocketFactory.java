package org.relais.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Sockets for the hub's IMAP connection that acknowledge what they receive as it is read (Linux's TCP_QUICKACK, set
 * before each read: the kernel drops it again as soon as the hub sends its next command). A server that writes an
 * answer in pieces without TCP_NODELAY — GreenMail, the hub's embedded mail server, writes a FETCH's or a SEARCH's
 * lines and then their closing OK — has its last piece held back by Nagle's algorithm until the first is acknowledged,
 * and the hub's kernel delays that acknowledgement by 40 ms: every such command took 44 ms, six to a poll of a burst,
 * and 0.3 ms with acknowledgements at once (bench/README.md, "The acknowledgements the mail server waited for"). Where
 * the system has no such option, the sockets are plain ones. For IMAPS JavaMail lays its TLS over these sockets.
 */
final class QuickAckSocketFactory extends SocketFactory {

    private static final boolean SUPPORTED = quickAckSupported();

    @Override
    public Socket createSocket() {
        return SUPPORTED ? new QuickAckSocket() : new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(createSocket(), null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(createSocket(), new InetSocketAddress(localHost, localPort),
                new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(createSocket(), null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(createSocket(), new InetSocketAddress(localHost, localPort),
                new InetSocketAddress(host, port));
    }

    /** Whether the system acknowledges at once on request (Linux). */
    static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    private static Socket connected(Socket socket, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket whose input stream asks for quick acknowledgements before each read. */
    private static final class QuickAckSocket extends Socket {

        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        acknowledgeAtOnce();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        acknowledgeAtOnce();
                        return super.read(bytes, offset, length);
                    }
                };
            }
            return input;
        }

        private void acknowledgeAtOnce() throws IOException {
            setOption(ExtendedSocketOptions.TCP_QUICKACK, Boolean.TRUE);
        }
    }
}
