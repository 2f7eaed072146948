package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relais.support.RawMail;

class ByteArraySharedStreamTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void aMailParsesIntoTheSamePartsAsFromJakartaMailsSharedStream() throws Exception {
        byte[] pdf = new byte[100_000];
        new Random(7).nextBytes(pdf);
        byte[] forwarded = RawMail.headers("neamt@relais.test", "Buget", "<inner@neamt.test>")
                .line("Content-Type: multipart/mixed; boundary=\"inner\"").line("")
                .textPart("inner", "text/plain; charset=UTF-8", "Vă trimit bugetul.")
                .base64Part("inner", "a;b\r\n1;2\r\n".getBytes(), "Content-Type: text/csv; name=\"buget.csv\"")
                .end("inner").bytes();
        byte[] raw = RawMail.headers("arges@relais.test", "Fwd: Buget", "<outer@arges.test>")
                .line("Content-Type: multipart/mixed; boundary=\"outer\"").line("")
                .line("This is a multi-part message in MIME format.")
                .outlookBody("outer", "--outer is not a boundary in the middle of a line")
                .base64Part("outer", pdf, "Content-Type: application/pdf; name=\"informare.pdf\"")
                .line("--outer").line("Content-Type: message/rfc822").line("")
                .line(new String(forwarded, StandardCharsets.UTF_8))
                .end("outer").line("epilogue").bytes();

        List<String> fromJakarta = leaves(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)));
        List<String> fromOurs = leaves(new MimeMessage(SESSION, new ByteArraySharedStream(raw)));

        assertThat(fromOurs).hasSize(5).isEqualTo(fromJakarta);
        assertThat(fromOurs).anySatisfy(leaf -> assertThat(leaf).startsWith("application/pdf 100000 "));
    }

    @Test
    void aSubStreamReadsAndCountsItsPositionAsJakartaMailsDoes() throws Exception {
        byte[] bytes = "0123456789abcdefghij".getBytes();
        InputStream ours = new ByteArraySharedStream(bytes);
        InputStream theirs = new SharedByteArrayInputStream(bytes);
        long[][] ranges = {{0, -1}, {3, 12}, {5, 5}, {18, -1}, {7, 40}};

        for (long[] range : ranges) {
            InputStream mine = ((SharedInputStream) ours).newStream(range[0], range[1]);
            InputStream jakarta = ((SharedInputStream) theirs).newStream(range[0], range[1]);
            assertThat(mine.skip(2)).as("skip in %s", Arrays.toString(range)).isEqualTo(jakarta.skip(2));
            assertThat(((SharedInputStream) mine).getPosition()).isEqualTo(((SharedInputStream) jakarta).getPosition());
            mine.mark(0);
            jakarta.mark(0);
            assertThat(mine.read()).isEqualTo(jakarta.read());
            mine.reset();
            jakarta.reset();
            assertThat(mine.readAllBytes()).as("rest of %s", Arrays.toString(range)).isEqualTo(jakarta.readAllBytes());
            assertThat(mine.read()).isEqualTo(-1);
            assertThat(mine.read(new byte[4], 0, 4)).isEqualTo(-1);
        }
    }

    /** Each leaf as its type, size of its decoded content and the content's hash, depth first. */
    private static List<String> leaves(Part part) throws Exception {
        List<String> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else if (part.getContent() instanceof MimeMessage message) {
            leaves.addAll(leaves(message));
        } else {
            try (InputStream in = part.getInputStream()) {
                byte[] content = in.readAllBytes();
                leaves.add(part.getContentType().split(";")[0] + " " + content.length + " " + Arrays.hashCode(content));
            }
        }
        return leaves;
    }
}
