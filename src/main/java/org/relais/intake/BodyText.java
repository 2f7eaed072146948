package org.relais.intake;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;

/** The readable text of a body part, in its declared charset (UTF-8 when the declared one is unknown). */
final class BodyText {

    private BodyText() {
    }

    static String of(LeafPart part) {
        String text = new String(part.content(), charsetOf(part.charset()));
        return part.declaredType().equals("text/html") ? Jsoup.parse(text).wholeText() : text;
    }

    static Charset charsetOf(String declared) {
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(declared));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
