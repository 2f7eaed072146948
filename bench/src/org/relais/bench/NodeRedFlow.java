package org.relais.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The intake peer most people would reach for: Node-RED with node-red-node-email, installed with npm into
 * bench/work/node-red (once), run headless with a settings file and a flow written here. The flow polls: an inject
 * node every second triggers the email-in node (IMAP, criteria UNSEEN, disposition Read: it flags the mails seen as
 * it fetches them), a function node writes the answer (threaded with In-Reply-To and References) and the email-out
 * node sends it. The email-in node's default "auto" fetch (IMAP IDLE) is not used: it answered one burst of 200
 * mails 1,967 times.
 */
final class NodeRedFlow {

    static final String NODE_RED = "node-red@4.1.15";
    static final String EMAIL_NODES = "node-red-node-email@5.2.5";
    private static final Path HOME = Path.of("bench/work/node-red").toAbsolutePath();

    private NodeRedFlow() {
    }

    /** Installs Node-RED and the email nodes with npm unless they are there. */
    static void install() throws IOException, InterruptedException {
        if (Files.isRegularFile(HOME.resolve("node_modules/node-red/red.js"))
                && Files.isDirectory(HOME.resolve("node_modules/node-red-node-email"))) {
            return;
        }
        Files.createDirectories(HOME);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                "--prefix", HOME.toString(), NODE_RED, EMAIL_NODES).inheritIO().start();
        if (!npm.waitFor(15, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IOException("npm install " + NODE_RED + " " + EMAIL_NODES + " failed");
        }
    }

    /** Starts the flow on these servers (127.0.0.1) with its files in {@code userDir}; returns once it runs. */
    static PeerProcess start(int imapPort, int smtpPort, Path userDir, Path log) throws Exception {
        install();
        Files.createDirectories(userDir);
        Files.writeString(userDir.resolve("settings.js"), """
                module.exports = {
                    uiHost: "127.0.0.1",
                    uiPort: %d,
                    disableEditor: true,
                    credentialSecret: false,
                    flowFile: "flows.json",
                    logging: { console: { level: "info", metrics: false, audit: false } }
                };
                """.formatted(BenchParts.freePort()), StandardCharsets.UTF_8);
        Files.writeString(userDir.resolve("flows.json"), """
                [
                  {"id": "bench", "type": "tab", "label": "intake"},
                  {"id": "every-second", "type": "inject", "z": "bench", "repeat": "1", "once": true,
                   "onceDelay": "0.1", "topic": "", "payload": "", "payloadType": "date", "wires": [["mailbox"]]},
                  {"id": "mailbox", "type": "e-mail in", "z": "bench", "protocol": "IMAP", "server": "127.0.0.1",
                   "useSSL": false, "autotls": "never", "port": "%d", "authtype": "BASIC", "box": "INBOX",
                   "disposition": "Read", "criteria": "UNSEEN", "repeat": "300", "fetch": "trigger", "inputs": 1,
                   "wires": [["answer"]]},
                  {"id": "answer", "type": "function", "z": "bench", "outputs": 1, "wires": [["send"]],
                   "func": "const id = msg.header['message-id'];\\nreturn { to: msg.from, from: '%s', topic: 'Re: ' + msg.topic, payload: 'Received: ' + msg.topic + '\\\\n', inReplyTo: id, references: id, headers: { 'Auto-Submitted': 'auto-replied' } };"},
                  {"id": "send", "type": "e-mail", "z": "bench", "server": "127.0.0.1", "port": "%d",
                   "secure": false, "tls": false, "authtype": "NONE", "name": "", "wires": []}
                ]
                """.formatted(imapPort, BenchParts.HUB_ADDRESS, smtpPort), StandardCharsets.UTF_8);
        Files.writeString(userDir.resolve("flows_cred.json"), """
                {"mailbox": {"userid": "%s", "password": "relais"}}
                """.formatted(BenchParts.HUB_ADDRESS), StandardCharsets.UTF_8);
        PeerProcess process = PeerProcess.start(List.of("node",
                HOME.resolve("node_modules/node-red/red.js").toString(),
                "--settings", userDir.resolve("settings.js").toString(), "--userDir", userDir.toString()), log);
        process.awaitLine("Started flows", 120_000);
        return process;
    }
}
