package org.relais.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the mail templates of {@code config/templates/mail/<name>_<language>.txt} (Thymeleaf text mode). A
 * template's first line is the subject; the rest, after one blank line, is the body.
 */
@Component
public class MailTemplates {

    public record Rendered(String subject, String body) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates(@Value("${relais.config-dir}") Path configDirectory) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(configDirectory.resolve("templates/mail").toAbsolutePath() + "/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public Rendered render(String template, String language, Map<String, Object> variables) {
        String text = engine.process(template + "_" + language, new Context(Locale.forLanguageTag(language), variables));
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalStateException("Template " + template + "_" + language + " has no body");
        }
        return new Rendered(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).stripLeading());
    }
}
