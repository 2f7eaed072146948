package org.relais.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Locale;
import org.relais.HubProperties;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The short texts put into mails: every bundle {@code config/i18n/<name>_<language>.properties} (one per capability,
 * e.g. messages, minutes, distribution), looked up by key in the reader's language.
 */
@Component
public class Messages {

    private static final Pattern BUNDLE_FILE = Pattern.compile("(.+)_[a-z]{2}\\.properties");

    private final ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();

    Messages(HubProperties hub) throws IOException {
        Path folder = hub.configDir().resolve("i18n").toAbsolutePath();
        try (Stream<Path> files = Files.list(folder)) {
            source.setBasenames(files.map(file -> BUNDLE_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> "file:" + folder.resolve(match.group(1)))
                    .distinct().sorted().toArray(String[]::new));
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
    }

    public String get(String language, String key, Object... arguments) {
        return source.getMessage(key, arguments, Locale.forLanguageTag(language));
    }
}
