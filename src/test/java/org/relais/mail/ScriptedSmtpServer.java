package org.relais.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers RCPT TO for each address with the replies it is given, one per attempt (then
 * "250"), and accepts everything else: the 4xx and 5xx a real relay gives, on a free port. It keeps the commands it
 * was sent, and can close each conversation after its first mail, as a relay with a limit of mails per connection, or
 * close it as a mail's data ends, before the reply that says whether it was taken.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, Deque<String>> replies = new ConcurrentHashMap<>();
    private final List<String> recipientsTried = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger conversations = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closesAfterEachMail;
    private volatile boolean dropsAfterData;

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0);
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The replies to RCPT TO for {@code address}, one per attempt, after which it is accepted. */
    public void answer(String address, String... rcptReplies) {
        replies.put(address.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(rcptReplies)));
    }

    /** How many times a mail to {@code address} was attempted. */
    public long attemptsFor(String address) {
        return recipientsTried.stream().filter(address::equalsIgnoreCase).count();
    }

    /** From now on, each conversation ends (the connection closed, no reply) once its first mail is taken. */
    public void closeAfterEachMail() {
        closesAfterEachMail = true;
    }

    /** From now on, a mail's data is read to its end and the connection closed with no reply: was it taken? */
    public void dropAfterData() {
        dropsAfterData = true;
    }

    /** The commands received, their verb only (MAIL, RCPT, DATA, NOOP …), in order. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many connections were made to it. */
    public int conversations() {
        return conversations.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                conversations.incrementAndGet();
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            commands.add(command.split("[ :]", 2)[0]);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                recipientsTried.add(address);
                Deque<String> scripted = replies.get(address);
                String answer = scripted == null || scripted.isEmpty() ? null : scripted.poll();
                reply(out, answer == null ? "250 2.1.5 Ok" : answer);
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself does not matter here
                }
                if (dropsAfterData) {
                    return;
                }
                reply(out, "250 2.0.0 Ok: queued as SCRIPTED");
                if (closesAfterEachMail) {
                    return;
                }
            } else if (command.equals("RSET") || command.equals("NOOP")) {
                reply(out, "250 2.0.0 Ok");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
