package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two fetched mails the same mail: its Message-ID together with a hash of what its author wrote (the
 * author's headers and the body, not the transport headers a server adds on each delivery). So the same mail fetched
 * twice is one mail; a Message-ID reused by a careless client for another mail is another mail; a mail without
 * Message-ID is known by its content alone.
 */
final class DedupKey {

    private static final String[] AUTHOR_HEADERS = {"From", "To", "Cc", "Subject", "Date", "Message-ID",
            "Content-Type"};

    private DedupKey() {
    }

    static String of(byte[] raw, MimeMessage headers) throws MessagingException {
        MessageDigest digest = sha256();
        for (String name : AUTHOR_HEADERS) {
            String value = headers.getHeader(name, "\n");
            digest.update((name + ":" + (value == null ? "" : value.strip()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        int body = bodyOffset(raw);
        digest.update(raw, body, raw.length - body);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int bodyOffset(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n')) {
                return i + (raw[i + 1] == '\n' ? 2 : 3);
            }
        }
        return raw.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
