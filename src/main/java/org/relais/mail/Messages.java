package org.relais.mail;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The short texts of {@code config/i18n/messages_<language>.properties}: labels and reasons put into mails. */
@Component
public class Messages {

    private final ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();

    Messages(@Value("${relais.config-dir}") Path configDirectory) {
        source.setBasename("file:" + configDirectory.resolve("i18n/messages").toAbsolutePath());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
    }

    public String get(String language, String key, Object... arguments) {
        return source.getMessage(key, arguments, Locale.forLanguageTag(language));
    }
}
