package org.relais.budget;

import org.relais.spreadsheet.TextNormalizer;
import org.relais.spreadsheet.YamlFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a reviewer's reply: approve or object (words of {@code config/budget/review.yaml} in three languages) and the
 * free comment, from the reply's own text — quoted lines and the quoted original below the usual separators left out.
 */
final class ReviewReplyReader {

    enum Decision { APPROVE, OBJECT, COMMENT }

    record Reading(Decision decision, String comment) {
    }

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(-{2,}\\s*(original|mesaj|оригинал|исходное).*|le .* a écrit.*|on .* wrote.*|în .* a scris.*"
                    + "|на .* написа.*|.* (написал|написала|написал\\(а\\)|пишет):)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final List<String> objectWords;
    private final List<String> approveWords;

    ReviewReplyReader(List<String> objectWords, List<String> approveWords) {
        this.objectWords = objectWords.stream().map(ReviewReplyReader::padded).toList();
        this.approveWords = approveWords.stream().map(ReviewReplyReader::padded).toList();
    }

    static ReviewReplyReader load(Path file) {
        Map<String, Object> words = YamlFiles.load(file);
        return new ReviewReplyReader(YamlFiles.strings(words.get("object"), "object"),
                YamlFiles.strings(words.get("approve"), "approve"));
    }

    Reading read(String subject, String body) {
        String own = ownText(body == null ? "" : body);
        String text = padded(own + " " + stripReplyPrefix(subject));
        Decision decision = objectWords.stream().anyMatch(text::contains) ? Decision.OBJECT
                : approveWords.stream().anyMatch(text::contains) ? Decision.APPROVE : Decision.COMMENT;
        return new Reading(decision, own.strip());
    }

    /** The lines the reviewer wrote: up to the first quote header, without "> " lines. */
    static String ownText(String body) {
        List<String> own = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (QUOTE_HEADER.matcher(line.strip()).matches()) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                own.add(line);
            }
        }
        return String.join("\n", own);
    }

    private static String stripReplyPrefix(String subject) {
        return Optional.ofNullable(subject).orElse("").replaceAll("(?i)^((re|tr|fwd?|отг|рe)\\s*:\\s*)+", "")
                .replaceAll("\\[REL-[0-9-]+]", "");
    }

    private static String padded(String text) {
        return " " + TextNormalizer.normalize(text) + " ";
    }
}
