package org.relais.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hubs' SMTP relay: passes every connection through to the real server, except while {@link #refuse} is on —
 * then it answers like a relay under load, with "451 4.3.0" to every MAIL FROM, as real relays do for a while.
 * Turning refusal on closes the connections it is relaying, as a relay restarting would: the hubs keep their SMTP
 * connections open between mails, and must meet the refusal on their next one. A conversation begun while refusing
 * is passed through from its first MAIL FROM after the refusal ends, as a real relay's load passes: a kept
 * connection must not refuse for ever (it did, and held the mails retried on it for two more minutes).
 */
final class FlakySmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final int targetPort;
    private final AtomicInteger refusals = new AtomicInteger();
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    FlakySmtp(int targetPort) throws IOException {
        this.targetPort = targetPort;
        socket = new ServerSocket(0);
        Thread acceptor = new Thread(this::accept, "flaky-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void refuse(boolean on) {
        refusing = on;
        if (on) {
            relayed.forEach(FlakySmtp::closeQuietly);
        }
    }

    int refusals() {
        return refusals.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread conversation = new Thread(() -> serve(client), "flaky-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            if (refusing) {
                refuse(client);
            } else {
                relay(client);
            }
        } catch (IOException e) {
            // a client or the server went away: nothing to keep
        }
    }

    private void refuse(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        write(out, "220 relay.relais.test ESMTP");
        for (String line = readLine(in); line != null; line = readLine(in)) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> write(out, "250 relay.relais.test");
                case "RSET", "NOOP" -> write(out, "250 OK");
                case "QUIT" -> {
                    write(out, "221 Bye");
                    return;
                }
                case "MAIL" -> {
                    if (!refusing) {
                        relayFrom(client, line);
                        return;
                    }
                    refused(out);
                }
                default -> refused(out);
            }
        }
    }

    private void refused(OutputStream out) throws IOException {
        refusals.incrementAndGet();
        write(out, "451 4.3.0 Temporary failure, try again later");
    }

    /**
     * The rest of a conversation that was refused, passed through from its MAIL FROM: the server is greeted here
     * (its capabilities are not the ones the client was told, so the client's own commands stay plain), and its
     * answer to the MAIL FROM is the first the client hears from it. The client waits for each answer (no
     * PIPELINING was offered), so nothing it sent is left unread here.
     */
    private void relayFrom(Socket client, String mailFrom) throws IOException {
        relay(client, server -> {
            InputStream fromServer = server.getInputStream();
            OutputStream toServer = server.getOutputStream();
            readReply(fromServer);
            write(toServer, "EHLO relay.relais.test");
            readReply(fromServer);
            write(toServer, mailFrom);
        });
    }

    /** One reply, its continuation lines ("250-…") included. */
    private static void readReply(InputStream in) throws IOException {
        for (String line = readLine(in); line != null; line = readLine(in)) {
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
        throw new IOException("the server closed the connection");
    }

    /** A line without its CRLF, read byte by byte so that nothing after it is taken from the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private void relay(Socket client) throws IOException {
        relay(client, server -> {
        });
    }

    /** What is said to the server before the client's bytes and the server's are passed through. */
    private interface Opening {
        void with(Socket server) throws IOException;
    }

    private void relay(Socket client, Opening opening) throws IOException {
        relayed.add(client);
        try (Socket server = new Socket("127.0.0.1", targetPort)) {
            opening.with(server);
            Thread upstream = new Thread(() -> pipe(client, server), "flaky-smtp-up");
            upstream.setDaemon(true);
            upstream.start();
            pipe(server, client);
        } finally {
            relayed.remove(client);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
