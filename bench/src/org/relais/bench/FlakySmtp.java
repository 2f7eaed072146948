package org.relais.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * connections open between mails, and must meet the refusal on their next one.
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
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        write(out, "220 relay.relais.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> write(out, "250 relay.relais.test");
                case "RSET", "NOOP" -> write(out, "250 OK");
                case "QUIT" -> {
                    write(out, "221 Bye");
                    return;
                }
                default -> {
                    refusals.incrementAndGet();
                    write(out, "451 4.3.0 Temporary failure, try again later");
                }
            }
        }
    }

    private void relay(Socket client) throws IOException {
        relayed.add(client);
        try (Socket server = new Socket("127.0.0.1", targetPort)) {
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
