package org.relais.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnixDomainSocketTest {

    private Path folder;
    private Path socketFile;
    private ServerSocketChannel server;

    @BeforeEach
    void listen() throws IOException {
        // a short path: a socket file's name is limited to 108 bytes
        folder = Files.createTempDirectory("uds");
        socketFile = folder.resolve("s");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketFile));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Files.deleteIfExists(socketFile);
        Files.delete(folder);
    }

    @Test
    void aMailSizedWriteComesBackWholeThroughTheSocketFile() throws Exception {
        byte[] sent = new byte[1 << 20];
        new Random(7).nextBytes(sent);
        CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
                int echoed = 0;
                while (echoed < sent.length && peer.read(buffer) > 0) {
                    buffer.flip();
                    echoed += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        peer.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Socket socket = new UnixDomainSocketFactory(socketFile.toString()).createSocket()) {
            socket.connect(null, 10_000);
            // written in one go while the peer echoes: the writer waits when the socket's buffer is full
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(sent);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] received = socket.getInputStream().readNBytes(sent.length);
            writing.get(10, TimeUnit.SECONDS);
            assertThat(received).isEqualTo(sent);
        }
        echo.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReadOnASilentPeerTimesOutAndTheSocketStillReadsWhatComesAfter() throws Exception {
        try (Socket socket = new UnixDomainSocket(socketFile); SocketChannel peer = connect(socket)) {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();

            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

            peer.write(ByteBuffer.wrap(new byte[] {42}));
            assertThat(in.read()).isEqualTo(42);
        }
    }

    @Test
    void theEndOfThePeersStreamReadsAsTheEnd() throws Exception {
        try (Socket socket = new UnixDomainSocket(socketFile)) {
            connect(socket).close();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closingFromAnotherThreadEndsAReadThatWaits() throws Exception {
        Socket socket = new UnixDomainSocket(socketFile);
        try (SocketChannel peer = connect(socket)) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.getInputStream().read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            socket.close();

            assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().cause().isInstanceOf(SocketException.class);
            assertThat(socket.isClosed()).isTrue();
        }
    }

    private SocketChannel connect(Socket socket) throws Exception {
        CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        socket.connect(null, 10_000);
        return accepted.get(10, TimeUnit.SECONDS);
    }
}
