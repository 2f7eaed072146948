package org.relais.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real mail servers for the intake comparison, from Debian's packages (installed by bench/servers/install.sh when
 * missing): Postfix takes mail over SMTP on a loopback port and hands what is for hub@relais.test to Dovecot over
 * LMTP, everything else to the bench's answer sink (GreenMail's SMTP port, where the answers are timed); Dovecot
 * serves hub@relais.test over IMAP. Each runs from a configuration folder of its own under the work folder
 * (templates in bench/servers/), as root, and is stopped on close. Postfix starts from another folder than
 * /etc/postfix only when that folder is listed in /etc/postfix/main.cf (alternate_config_directories): the folder is
 * added there for the run and the former value put back on close.
 */
final class DebianMailServers implements IntakeBench.MailServer {

    private static final Path TEMPLATES = Path.of("bench/servers").toAbsolutePath();

    private final Path postfix;
    private final Path dovecotConfig;
    private final int smtpPort;
    private final int imapPort;
    private final String formerAlternates;

    private DebianMailServers(Path work, int sinkPort) throws IOException, InterruptedException {
        run(List.of(TEMPLATES.resolve("install.sh").toString()), 900);
        smtpPort = BenchParts.freePort();
        imapPort = BenchParts.freePort();
        int lmtpPort = BenchParts.freePort();
        postfix = work.resolve("postfix");
        Path dovecot = work.resolve("dovecot");
        Map<String, String> values = Map.of("@SMTP_PORT@", String.valueOf(smtpPort),
                "@IMAP_PORT@", String.valueOf(imapPort), "@LMTP_PORT@", String.valueOf(lmtpPort),
                "@SINK_PORT@", String.valueOf(sinkPort));
        Files.createDirectories(postfix.resolve("queue"));
        Files.createDirectories(postfix.resolve("data"));
        Files.createDirectories(dovecot.resolve("mail"));
        fill("postfix-main.cf", postfix.resolve("main.cf"), postfix, values);
        fill("postfix-master.cf", postfix.resolve("master.cf"), postfix, values);
        fill("postfix-transport", postfix.resolve("transport"), postfix, values);
        dovecotConfig = dovecot.resolve("dovecot.conf");
        fill("dovecot.conf", dovecotConfig, dovecot, values);
        // the folders on the way must be open to Postfix's and Dovecot's users (a temporary folder is not)
        for (Path folder = work; folder != null; folder = folder.getParent()) {
            openToAll(folder);
        }
        run(List.of("chown", "postfix", postfix.resolve("data").toString()), 10);
        run(List.of("chown", "mail:mail", dovecot.resolve("mail").toString()), 10);
        formerAlternates = output(List.of("postconf", "-h", "alternate_config_directories")).strip();
        run(List.of("postconf", "-e", "alternate_config_directories = "
                + (formerAlternates.isEmpty() ? "" : formerAlternates + " ") + postfix), 10);
        run(List.of("postfix", "-c", postfix.toString(), "start"), 60);
        run(List.of("dovecot", "-c", dovecotConfig.toString()), 30);
        awaitPort(smtpPort);
        awaitPort(imapPort);
    }

    /** Installs (once) and starts both servers; mail for other addresses than the hub's goes to {@code sinkPort}. */
    static DebianMailServers start(Path work, int sinkPort) throws IOException, InterruptedException {
        return new DebianMailServers(work, sinkPort);
    }

    @Override
    public String name() {
        return "Dovecot+Postfix";
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public int imapPort() {
        return imapPort;
    }

    @Override
    public void emptyHubMailbox() throws IOException, InterruptedException {
        run(List.of("doveadm", "-c", dovecotConfig.toString(), "expunge", "-u", BenchParts.HUB_ADDRESS,
                "mailbox", "INBOX", "all"), 60);
    }

    /** Postfix's queue is empty: everything it took was handed on. */
    @Override
    public boolean idle() throws IOException, InterruptedException {
        return output(List.of("postqueue", "-c", postfix.toString(), "-p")).contains("Mail queue is empty");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of("postfix", "-c", postfix.toString(), "stop"), 60);
            run(List.of("doveadm", "-c", dovecotConfig.toString(), "stop"), 60);
        } finally {
            run(List.of("postconf", "-e", "alternate_config_directories = " + formerAlternates), 10);
        }
    }

    /** Lets every user read and enter the folder, unless they may already. */
    private static void openToAll(Path folder) throws IOException {
        var permissions = Files.getPosixFilePermissions(folder);
        if (permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                && permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return;
        }
        permissions.addAll(List.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_READ));
        Files.setPosixFilePermissions(folder, permissions);
    }

    private static void fill(String template, Path target, Path work, Map<String, String> values)
            throws IOException {
        String text = Files.readString(TEMPLATES.resolve(template)).replace("@WORK@", work.toString());
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        Files.writeString(target, text);
    }

    private static void awaitPort(int port) throws InterruptedException, IOException {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nothing listens on port " + port + " after 30 s");
    }

    /** Runs the command to its end; its output goes to a file, since a server it starts may keep a pipe open. */
    private static void run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out));
            }
        } finally {
            Files.delete(out);
        }
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
