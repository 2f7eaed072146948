package org.relais.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A mail's original bytes while intake works on it. A large mail goes to a file of the spool folder (under the data
 * folder), so that no large mail is ever held whole in memory: a 100 MB attachment arrives as 137 MB of base64 and
 * the heap may be 256 MB. The MIME parser reads it through a {@link SharedFileInputStream}, which leaves each part's
 * content in the file until it is read. The file is deleted on close: the original's home is PostgreSQL.
 * A mail of up to {@link #HELD_IN_MEMORY_BYTES} stays in memory: creating, writing, reading and deleting a file
 * cost more than the copy (in a busy hub's profile, the spool took 8 % of the intake threads' samples through files,
 * 6.6 % in memory, the copy from PostgreSQL included; bench/README.md, "Intake").
 */
final class SpooledMail implements AutoCloseable {

    /**
     * At most this many bytes are held in memory: one mail per intake consumer, and a poll's mails, which together
     * are at most relais.intake.max-bytes-per-poll (16 MB).
     */
    static final int HELD_IN_MEMORY_BYTES = 1 << 20;

    private final Path file;
    private final byte[] bytes;
    private final SharedInputStream shared;
    private final long size;

    private SpooledMail(Path file) throws IOException {
        this.file = file;
        this.bytes = null;
        this.shared = new SharedFileInputStream(file.toFile());
        this.size = Files.size(file);
    }

    private SpooledMail(byte[] bytes) {
        this.file = null;
        this.bytes = bytes;
        this.shared = new ByteArraySharedStream(bytes);
        this.size = bytes.length;
    }

    /** A mail whose bytes are in memory already; they are read, never changed. */
    static SpooledMail inMemory(byte[] bytes) {
        return new SpooledMail(bytes);
    }

    /** The spool folder under the data folder, created if it is not there. */
    static Path folderIn(Path dataDirectory) throws IOException {
        return Files.createDirectories(dataDirectory.resolve("spool"));
    }

    /**
     * A fetched mail as the mail server sends it: in memory when the server gives its size and it is small, else
     * written to a new spool file a block at a time.
     */
    static SpooledMail of(Message message, Path spool) throws IOException, MessagingException {
        int announced = message.getSize();
        return copy(announced < 0 ? Long.MAX_VALUE : announced, spool, message::writeTo);
    }

    /** A mail of {@code size} bytes written by {@code copier}: in memory if small, else to a spool file. */
    static SpooledMail copy(long size, Path spool, Copier copier) throws IOException, MessagingException {
        if (size <= HELD_IN_MEMORY_BYTES) {
            SizedBuffer out = new SizedBuffer(Math.toIntExact(size));
            copier.copyTo(out);
            return new SpooledMail(out.bytes());
        }
        Path file = newFile(spool);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            copier.copyTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMail(file);
    }

    interface Copier {
        void copyTo(OutputStream out) throws IOException, MessagingException;
    }

    /** A buffer of the announced size, whose bytes are the buffer itself when they fill it (no copy of the mail). */
    private static final class SizedBuffer extends ByteArrayOutputStream {

        SizedBuffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    /** Headers parsed, the body left in the file until a part is read. */
    MimeMessage message() throws MessagingException {
        return MailParser.headersAndBody(stream());
    }

    /** The whole original from its first byte. */
    InputStream stream() {
        return shared.newStream(0, -1);
    }

    long size() {
        return size;
    }

    /** The bytes, when the mail is held in memory (never changed by anyone); empty when it is in a spool file. */
    Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes);
    }

    @Override
    public void close() throws IOException {
        try {
            ((InputStream) shared).close();
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A new file in the spool folder, made again if someone removed it while the hub runs. */
    private static Path newFile(Path spool) throws IOException {
        try {
            return Files.createTempFile(spool, "mail-", ".eml");
        } catch (NoSuchFileException e) {
            return Files.createTempFile(Files.createDirectories(spool), "mail-", ".eml");
        }
    }
}
