package org.relais.embedded;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.SocketFactory;

/**
 * The embedded PostgreSQL's JDBC connections through its Unix-domain socket rather than TCP on the loopback: each of
 * a mail's round trips (some seventeen) then skips the TCP stack on both sides (bench/README.md, "PostgreSQL over its
 * socket file"). The PostgreSQL driver makes it from its URL ({@link #urlParameters}) and connects the unconnected
 * socket it asks for.
 */
public final class UnixDomainSocketFactory extends SocketFactory {

    /**
     * The driver's URL parameters that connect through the socket file a PostgreSQL listening on {@code port} makes in
     * {@code directory} (its {@code unix_socket_directories}): {@code socketFactory} naming this class,
     * {@code socketFactoryArg} the file.
     */
    static String urlParameters(Path directory, int port) {
        return "socketFactory=" + UnixDomainSocketFactory.class.getName() + "&socketFactoryArg="
                + URLEncoder.encode(directory.resolve(".s.PGSQL." + port).toString(), StandardCharsets.UTF_8);
    }

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
