package org.relais.embedded;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.SocketFactory;

/**
 * The embedded PostgreSQL's JDBC connections through its Unix-domain socket rather than TCP on the loopback: each of
 * a mail's round trips (some seventeen) then skips the TCP stack on both sides (bench/README.md, "PostgreSQL over its
 * socket file"). The PostgreSQL driver makes it from its URL, {@code socketFactory} naming this class and
 * {@code socketFactoryArg} the socket file, and connects the unconnected socket it asks for.
 */
public final class UnixDomainSocketFactory extends SocketFactory {

    private final Path socketFile;

    /** The driver's way to make it: the socket file's path as {@code socketFactoryArg}. */
    public UnixDomainSocketFactory(String socketFile) {
        this.socketFile = Path.of(socketFile);
    }

    @Override
    public Socket createSocket() {
        return new UnixDomainSocket(socketFile);
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw connectedSocketsUnsupported();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw connectedSocketsUnsupported();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw connectedSocketsUnsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw connectedSocketsUnsupported();
    }

    private static UnsupportedOperationException connectedSocketsUnsupported() {
        return new UnsupportedOperationException("It connects to a socket file, not to a host and port: connect "
                + "the socket of createSocket()");
    }
}
