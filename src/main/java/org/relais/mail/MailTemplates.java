package org.relais.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.relais.HubProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the mail templates of {@code config/templates/mail/<name>_<language>.txt} (Thymeleaf text mode). A
 * template's first line is the subject; the rest, after one blank line, is the body. A template may have an HTML
 * alternative beside it, {@code <name>_<language>.html} (Thymeleaf HTML mode, which escapes what it inserts).
 */
@Component
public class MailTemplates {

    public record Rendered(String subject, String body) {
    }

    private final SpringTemplateEngine engine;
    private final SpringTemplateEngine htmlEngine;
    private final Path folder;

    MailTemplates(HubProperties hub) {
        this.folder = hub.configDir().resolve("templates/mail").toAbsolutePath();
        this.engine = engine(".txt", TemplateMode.TEXT);
        this.htmlEngine = engine(".html", TemplateMode.HTML);
    }

    private SpringTemplateEngine engine(String suffix, TemplateMode mode) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(folder + "/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine templateEngine = new SpringTemplateEngine();
        templateEngine.setTemplateResolver(resolver);
        // set up now rather than by the first mail rendered: it takes 150 ms on a fresh JVM, during which every other
        // mail to render waits for it (a fresh hub's first burst, bench/README.md "Intake")
        templateEngine.getConfiguration();
        return templateEngine;
    }

    public Rendered render(String template, String language, Map<String, Object> variables) {
        String text = engine.process(template + "_" + language, new Context(Locale.forLanguageTag(language), variables));
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalStateException("Template " + template + "_" + language + " has no body");
        }
        return new Rendered(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).stripLeading());
    }

    /** The HTML alternative of a template, rendered with the same variables. */
    public String renderHtml(String template, String language, Map<String, Object> variables) {
        return htmlEngine.process(template + "_" + language, new Context(Locale.forLanguageTag(language), variables));
    }

    /** Whether a template exists in a language, so that a reader of another language gets a fallback. */
    public boolean exists(String template, String language) {
        return Files.isRegularFile(folder.resolve(template + "_" + language + ".txt"));
    }
}
