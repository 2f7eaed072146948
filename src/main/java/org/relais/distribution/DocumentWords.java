package org.relais.distribution;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.mail.Messages;
import org.springframework.stereotype.Component;

/** How list mail names things in the reader's language: document kinds, seminars, languages. */
@Component
public class DocumentWords {

    private final Messages messages;
    private final DirectoryRepository directory;
    private final DistributionConfig config;

    DocumentWords(Messages messages, DirectoryRepository directory, DistributionConfig config) {
        this.messages = messages;
        this.directory = directory;
        this.config = config;
    }

    public String kind(String language, String kind) {
        return messages.get(language, "distribution.kind." + kind);
    }

    /** The audiences a kind's policy sends it to, in words (the console's, which every audience has). */
    public String audiences(String language, String kind) {
        return config.policy(kind).map(policy -> policy.audiences().stream()
                        .map(audience -> messages.get(language, "console.distributions.audience." + audience))
                        .collect(Collectors.joining(", ")))
                .orElseGet(() -> messages.get(language, "distribution.audience.none"));
    }

    public String seminar(String language, String seminarCode) {
        if (seminarCode == null) {
            return messages.get(language, "distribution.seminar.all");
        }
        Optional<Seminar> seminar = directory.seminars().stream().filter(s -> s.code().equals(seminarCode)).findFirst();
        return seminar.map(s -> messages.get(language, "seminar.named", s.number(), s.keywords().get(0)))
                .orElse(seminarCode);
    }

    public String languageName(String language, String named) {
        return messages.get(language, "distribution.language." + named);
    }

    public String languageNames(String language, Collection<String> named) {
        return named.stream().sorted().map(l -> languageName(language, l)).collect(Collectors.joining(", "));
    }

    public String text(String language, String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }
}
