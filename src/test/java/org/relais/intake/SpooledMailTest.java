package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledMailTest {

    @TempDir
    Path data;

    @Test
    void aSmallMailIsHeldInMemoryAndReadsAsItCame() throws Exception {
        Path spool = SpooledMail.folderIn(data);
        byte[] original = mail("x".repeat(10_000));

        try (SpooledMail held = SpooledMail.copy(original.length, spool, out -> out.write(original))) {
            assertThat(filesIn(spool)).isZero();
            assertThat(held.size()).isEqualTo(original.length);
            assertThat(readAll(held)).isEqualTo(original);
            assertThat(held.message().getSubject()).isEqualTo("Buget Arges");
        }
    }

    @Test
    void aMailLongerOrShorterThanTheServerAnnouncedIsHeldWhole() throws Exception {
        Path spool = SpooledMail.folderIn(data);
        byte[] original = mail("x".repeat(10_000));

        for (int announced : new int[] {original.length - 100, original.length, original.length + 100}) {
            try (SpooledMail held = SpooledMail.copy(announced, spool, out -> out.write(original))) {
                assertThat(held.bytes()).as("announced %d", announced).contains(original);
                assertThat(held.size()).isEqualTo(original.length);
            }
        }
    }

    @Test
    void aLargeMailGoesToASpoolFileThatIsDeletedOnClose() throws Exception {
        Path spool = SpooledMail.folderIn(data);
        byte[] original = mail("y".repeat(SpooledMail.HELD_IN_MEMORY_BYTES + 1));

        try (SpooledMail spooled = SpooledMail.copy(original.length, spool, out -> out.write(original))) {
            assertThat(filesIn(spool)).isEqualTo(1);
            assertThat(spooled.size()).isEqualTo(original.length);
            assertThat(readAll(spooled)).isEqualTo(original);
            assertThat(spooled.message().getSubject()).isEqualTo("Buget Arges");
        }
        assertThat(filesIn(spool)).isZero();
    }

    @Test
    void aFetchedMailOfAnnouncedSmallSizeIsHeldInMemoryAndOneOfUnknownSizeIsSpooled() throws Exception {
        Path spool = SpooledMail.folderIn(data);
        byte[] original = mail("z".repeat(1_000));
        MimeMessage announced = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(original)) {
            @Override
            public int getSize() {
                return original.length;
            }
        };
        MimeMessage unknown = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(original)) {
            @Override
            public int getSize() {
                return -1;
            }
        };

        try (SpooledMail held = SpooledMail.of(announced, spool)) {
            assertThat(filesIn(spool)).isZero();
            assertThat(readAll(held)).isEqualTo(original);
        }
        try (SpooledMail spooled = SpooledMail.of(unknown, spool)) {
            assertThat(filesIn(spool)).isEqualTo(1);
            assertThat(readAll(spooled)).isEqualTo(original);
        }
    }

    @Test
    void aSpoolFolderRemovedWhileTheHubRunsIsMadeAgain() throws Exception {
        Path spool = SpooledMail.folderIn(data);
        Files.delete(spool);
        byte[] original = mail("w".repeat(SpooledMail.HELD_IN_MEMORY_BYTES + 1));

        try (SpooledMail spooled = SpooledMail.copy(original.length, spool, out -> out.write(original))) {
            assertThat(readAll(spooled)).isEqualTo(original);
        }
        assertThat(spool).isDirectory();
    }

    private static byte[] mail(String body) {
        String headers = "From: arges@relais.test\r\nSubject: Buget Arges\r\nMessage-ID: <1@relais.test>\r\n\r\n";
        return (headers + body + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readAll(SpooledMail mail) throws IOException {
        try (InputStream in = mail.stream()) {
            return in.readAllBytes();
        }
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
