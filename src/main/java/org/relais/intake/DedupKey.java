package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /** Reads the original once, a block at a time. */
    static String of(InputStream raw, MimeMessage headers) throws MessagingException, IOException {
        MessageDigest digest = sha256();
        for (String name : AUTHOR_HEADERS) {
            String value = headers.getHeader(name, "\n");
            digest.update((name + ":" + (value == null ? "" : value.strip()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        InputStream in = new BufferedInputStream(raw);
        skipHeaders(in);
        byte[] block = new byte[64 * 1024];
        for (int read = in.read(block); read >= 0; read = in.read(block)) {
            digest.update(block, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Consumes the header section up to and including the blank line (LF LF or LF CR LF) that ends it. */
    private static void skipHeaders(InputStream in) throws IOException {
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == '\n' && b == '\n') {
                return;
            }
            if (previous == '\n' && b == '\r') {
                in.mark(1);
                if (in.read() == '\n') {
                    return;
                }
                in.reset();
            }
            previous = b;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
