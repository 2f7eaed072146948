package org.relais.mail;

import java.util.regex.Pattern;

/** What a person wrote in a reply, without the quoted mail below it (and without "> " lines). */
public final class OwnText {

    /** The line mail clients put above the quoted mail, in the partnership's languages and English. */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(-{2,}\\s*(original message|message d'origine|mesaj original|mesajul original|оригинално съобщение|"
                    + "исходное сообщение|forwarded message|message transféré|пересылаемое сообщение)\\s*-{2,}|"
                    + "(on|le|la|în|in|pe|на|в) .{4,120}(wrote|a écrit|a scris|написа|написал|написала)\\s*:|"
                    + ".{4,160} (пишет|написал|написала|написал\\(а\\))\\s*:)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private OwnText() {
    }

    public static String of(String body) {
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\\R", -1)) {
            if (QUOTE_HEADER.matcher(line.strip()).matches()) {
                break;
            }
            if (!line.startsWith(">")) {
                text.append(line).append('\n');
            }
        }
        return text.toString().strip();
    }
}
