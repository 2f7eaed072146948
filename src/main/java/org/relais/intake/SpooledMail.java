package org.relais.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mail's original bytes in a file of the spool folder (under the data folder) while intake works on it, so that no
 * mail is ever held whole in memory: a 100 MB attachment arrives as 137 MB of base64 and the heap may be 256 MB.
 * The MIME parser reads it through a {@link SharedFileInputStream}, which leaves each part's content in the file
 * until it is read. The file is deleted on close: the original's home is PostgreSQL.
 */
final class SpooledMail implements AutoCloseable {

    private final Path file;
    private final SharedFileInputStream shared;

    private SpooledMail(Path file) throws IOException {
        this.file = file;
        this.shared = new SharedFileInputStream(file.toFile());
    }

    static Path folderIn(Path dataDirectory) {
        return dataDirectory.resolve("spool");
    }

    /** Writes a fetched mail to a new spool file as the mail server sends it, a block at a time. */
    static SpooledMail of(Message message, Path spool) throws IOException, MessagingException {
        Path file = newFile(spool);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            message.writeTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMail(file);
    }

    /** A stored original copied into a new spool file by {@code copier}. */
    static SpooledMail copy(Path spool, Copier copier) throws IOException {
        Path file = newFile(spool);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            copier.copyTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMail(file);
    }

    interface Copier {
        void copyTo(OutputStream out) throws IOException;
    }

    /** Headers parsed, the body left in the file until a part is read. */
    MimeMessage message() throws MessagingException {
        return MailParser.headersAndBody(shared.newStream(0, -1));
    }

    /** The whole original from its first byte. */
    InputStream stream() {
        return shared.newStream(0, -1);
    }

    long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        try {
            shared.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path newFile(Path spool) throws IOException {
        Files.createDirectories(spool);
        return Files.createTempFile(spool, "mail-", ".eml");
    }
}
