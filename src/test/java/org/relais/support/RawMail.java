package org.relais.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** MIME written by hand, for the shapes real clients produce and JavaMail would not build (or would repair). */
public final class RawMail {

    private final StringBuilder text = new StringBuilder();

    private RawMail() {
    }

    public static RawMail headers(String from, String subject, String messageId) {
        RawMail mail = new RawMail();
        mail.line("From: " + from).line("To: hub@relais.test").line("Subject: " + subject)
                .line("Date: Mon, 7 Sep 2009 10:00:00 +0300").line("MIME-Version: 1.0");
        if (messageId != null) {
            mail.line("Message-ID: " + messageId);
        }
        return mail;
    }

    public RawMail line(String line) {
        text.append(line).append("\r\n");
        return this;
    }

    /** A part whose content is base64 of {@code content}, with the given header lines. */
    public RawMail base64Part(String boundary, byte[] content, String... headerLines) {
        line("--" + boundary);
        for (String header : headerLines) {
            line(header);
        }
        line("Content-Transfer-Encoding: base64").line("");
        return line(Base64.getMimeEncoder().encodeToString(content));
    }

    public RawMail textPart(String boundary, String contentType, String body) {
        return line("--" + boundary).line("Content-Type: " + contentType).line("Content-Transfer-Encoding: 8bit")
                .line("").line(body);
    }

    /** A body as Outlook writes it inside {@code boundary}: the text, and the same as HTML, in multipart/alternative. */
    public RawMail outlookBody(String boundary, String body) {
        return line("--" + boundary).line("Content-Type: multipart/alternative; boundary=\"alt\"").line("")
                .textPart("alt", "text/plain; charset=UTF-8", body)
                .textPart("alt", "text/html; charset=UTF-8", "<html><body><p>" + body + "</p></body></html>")
                .end("alt");
    }

    public RawMail end(String boundary) {
        return line("--" + boundary + "--");
    }

    public static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    public byte[] bytes() {
        return bytes(StandardCharsets.UTF_8);
    }

    /** In another charset: ISO-8859-1 turns U+0080..U+00FF into the bare 8-bit bytes a broken client writes. */
    public byte[] bytes(Charset charset) {
        return text.toString().getBytes(charset);
    }
}
