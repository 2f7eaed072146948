package org.relais.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.relais.intake.DocumentKind;
import org.relais.spreadsheet.YamlFiles;
import org.springframework.web.util.HtmlUtils;

/**
 * What no person may read in a mail: the hub's internal codes. Document kinds ({@code budget_forecast}; one-word
 * codes such as "minutes" are words of English, which no mail is written in), seminar
 * codes ({@code S4-VARNA}), event types, mail purposes and route ids ({@code document-received}, {@code intake-ack}),
 * audiences and policies ({@code follow-up-group}), snake_case, UPPER_SNAKE and camelCase identifiers (enum names,
 * fact keys), and null/true/false. Addresses and links are not looked at: a signed link may hold any token.
 */
public final class InternalCodes {

    /** The events flows put on the events queue (org.relais.event.PipelineEvent#type). */
    public static final List<String> EVENT_TYPES = List.of("document-received", "budget-verdict", "review-requested",
            "minutes-received", "translations-complete", "distribution-done");

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("\\bS\\d+-[A-Z]+\\b"),
            Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b"),
            Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b"),
            Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b"),
            Pattern.compile("\\b(?:null|true|false)\\b"),
            Pattern.compile("\\$\\{|\\[\\(|th:"));
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern LINKS_AND_ADDRESSES = Pattern.compile("(?:https?://|mailto:)\\S+|[\\w.+=-]+@[\\w.-]+");

    private final Set<String> codes = new TreeSet<>();

    private InternalCodes() {
    }

    /** The codes of the shipped configuration (config/, routes/). */
    public static InternalCodes ofConfiguration() {
        InternalCodes known = new InternalCodes();
        known.codes.addAll(hyphenated(Arrays.stream(DocumentKind.values()).map(DocumentKind::code).toList()));
        known.codes.addAll(EVENT_TYPES);
        known.codes.addAll(hyphenated(templateNames()));
        known.codes.addAll(hyphenated(YamlFiles.map(YamlFiles.load(Path.of("config/distribution/audiences.yaml")),
                "audiences").keySet()));
        known.codes.addAll(hyphenated(policyKinds()));
        known.codes.addAll(routeIds());
        return known;
    }

    /** The codes found in a text a person reads, each once; empty when the text is clean. */
    public List<String> in(String text) {
        String readable = LINKS_AND_ADDRESSES.matcher(text).replaceAll(" ");
        Set<String> found = new TreeSet<>();
        for (String code : codes) {
            if (Pattern.compile("(?<![\\p{L}\\d_-])" + Pattern.quote(code) + "(?![\\p{L}\\d_-])").matcher(readable)
                    .find()) {
                found.add(code);
            }
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(readable);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return List.copyOf(found);
    }

    /** The codes found in what a person reads of a mail: its subject, its text and its HTML (tags taken out). */
    public List<String> inMail(MimeMessage mail) {
        try {
            StringBuilder readable = new StringBuilder(String.valueOf(mail.getSubject())).append('\n');
            appendTexts(mail, readable);
            return in(readable.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendTexts(Part part, StringBuilder readable) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                appendTexts(multipart.getBodyPart(i), readable);
            }
        } else if (part.isMimeType("text/plain") && part.getFileName() == null) {
            readable.append(part.getContent()).append('\n');
        } else if (part.isMimeType("text/html")) {
            readable.append(HtmlUtils.htmlUnescape(TAGS.matcher((String) part.getContent()).replaceAll(" ")))
                    .append('\n');
        }
    }

    private static List<String> hyphenated(java.util.Collection<String> names) {
        return names.stream().filter(name -> name.contains("-") || name.contains("_")).toList();
    }

    private static Set<String> templateNames() {
        try (Stream<Path> files = Files.list(Path.of("config/templates/mail"))) {
            Set<String> names = new TreeSet<>();
            files.map(file -> file.getFileName().toString().replaceFirst("_[a-z]{2}\\.(txt|html)$", ""))
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> policyKinds() {
        List<Object> policies = (List<Object>) YamlFiles.load(Path.of("config/distribution/policies.yaml"))
                .get("policies");
        return policies.stream().map(policy -> String.valueOf(((Map<String, Object>) policy).get("kind"))).toList();
    }

    private static List<String> routeIds() {
        Pattern id = Pattern.compile("^\\s+id: ([a-z0-9-]+)\\s*$", Pattern.MULTILINE);
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Matcher matcher = id.matcher(Files.readString(file));
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
