package org.relais.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Socket} over a Unix-domain socket channel, as much of one as the PostgreSQL driver uses: connect, the two
 * streams, the read timeout ({@code setSoTimeout}, which the connection pool sets to check a connection), the buffer
 * sizes, close. The channel is non-blocking and waits on selectors of its own, since a blocking channel's read cannot
 * time out. One thread at a time reads, and one writes; {@link #close} may come from any thread and ends their waits.
 */
final class UnixDomainSocket extends Socket {

    private final Path socketFile;
    private SocketChannel channel;
    /** One to wait on for reading, one for writing: a read and a write may wait at the same time. */
    private Selector readable;
    private Selector writable;
    private volatile int readTimeoutMillis;

    UnixDomainSocket(Path socketFile) {
        this.socketFile = socketFile;
    }

    @Override
    public void connect(SocketAddress ignored) throws IOException {
        connect(ignored, 0);
    }

    /** Connects to the socket file; the driver's host and port name no file, and a local connect does not wait. */
    @Override
    public synchronized void connect(SocketAddress ignored, int timeout) throws IOException {
        if (channel != null) {
            throw new SocketException("Already connected");
        }
        SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            opened.connect(UnixDomainSocketAddress.of(socketFile));
            opened.configureBlocking(false);
            readable = Selector.open();
            opened.register(readable, SelectionKey.OP_READ);
            writable = Selector.open();
            opened.register(writable, SelectionKey.OP_WRITE);
        } catch (IOException | RuntimeException e) {
            opened.close();
            for (Selector selector : new Selector[] {readable, writable}) {
                if (selector != null) {
                    selector.close();
                }
            }
            throw e;
        }
        channel = opened;
    }

    @Override
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public boolean isClosed() {
        return channel != null && !channel.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            readable.close();
            writable.close();
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        connected();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : UnixDomainSocket.this.read(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void close() throws IOException {
                UnixDomainSocket.this.close();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        connected();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                UnixDomainSocket.this.write(ByteBuffer.wrap(bytes, offset, length));
            }

            @Override
            public void close() throws IOException {
                UnixDomainSocket.this.close();
            }
        };
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        readTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return readTimeoutMillis;
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        option(StandardSocketOptions.SO_SNDBUF, size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return option(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        option(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return option(StandardSocketOptions.SO_RCVBUF);
    }

    /** TCP's own options mean nothing here: set, they are let be; asked, they are off. */
    @Override
    public void setTcpNoDelay(boolean on) {
    }

    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    @Override
    public void setKeepAlive(boolean on) {
    }

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public String toString() {
        return "UnixDomainSocket[" + socketFile + "]";
    }

    private int read(ByteBuffer into) throws IOException {
        connected();
        int timeout = readTimeoutMillis;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        while (true) {
            int read = channel.read(into);
            if (read != 0) {
                return read;
            }
            long wait = 0;
            if (timeout > 0) {
                wait = (deadline - System.nanoTime() + 999_999) / 1_000_000;
                if (wait <= 0) {
                    throw new SocketTimeoutException("Read timed out after " + timeout + " ms");
                }
            }
            await(readable, wait);
        }
    }

    /** Writes it all: a socket's writes wait as long as it takes, whatever the read timeout. */
    private void write(ByteBuffer from) throws IOException {
        connected();
        while (from.hasRemaining()) {
            if (channel.write(from) == 0) {
                await(writable, 0);
            }
        }
    }

    /** Waits until the channel is ready for what the selector waits for, the time is up (0: none) or it is closed. */
    private void await(Selector selector, long millis) throws IOException {
        try {
            selector.select(millis);
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket closed");
        }
        if (!channel.isOpen()) {
            throw new SocketException("Socket closed");
        }
    }

    private void connected() throws SocketException {
        if (channel == null) {
            throw new SocketException("Not connected");
        }
        if (!channel.isOpen()) {
            throw new SocketException("Socket closed");
        }
    }

    private <T> void option(SocketOption<T> name, T value) throws SocketException {
        try {
            connected();
            channel.setOption(name, value);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    private int option(SocketOption<Integer> name) throws SocketException {
        try {
            connected();
            return channel.getOption(name);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    private static SocketException socketException(IOException cause) {
        return cause instanceof SocketException socket ? socket : new SocketException(cause.getMessage());
    }
}
