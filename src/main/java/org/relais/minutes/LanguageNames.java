package org.relais.minutes;

import java.util.List;
import java.util.stream.Collectors;
import org.relais.mail.Messages;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Languages named for a reader, in the reader's language ({@code language.<code>} in config/i18n/translation_*). */
@Component
public class LanguageNames {

    private final Messages messages;

    LanguageNames(Messages messages) {
        this.messages = messages;
    }

    public String name(String readerLanguage, String code) {
        if (code == null) {
            return "?";
        }
        try {
            return messages.get(readerLanguage, "language." + code);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    public String names(String readerLanguage, List<String> codes) {
        return codes.stream().map(code -> name(readerLanguage, code)).collect(Collectors.joining(", "));
    }

    public String text(String readerLanguage, String key, Object... arguments) {
        return messages.get(readerLanguage, key, arguments);
    }
}
