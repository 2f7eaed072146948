package org.relais.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.relais.HubProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console speaks the coordinator's language: {@code ?lang=ro} chooses (and a cookie remembers), otherwise the
 * browser's languages decide among the configured ones. Labels come from {@code config/i18n/console_<lang>.properties}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

    private static final String LANGUAGE_PARAMETER = "lang";

    private final ConsoleProperties properties;

    ConsoleWeb(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** Thymeleaf's messages; named messageSource so that Spring MVC and Thymeleaf use it. */
    @Bean
    MessageSource messageSource(HubProperties hub) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasename("file:" + hub.configDir().resolve("i18n/console").toAbsolutePath());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.forLanguageTag(properties.defaultLanguage()));
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("relais-console-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(this::browserLanguage);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String language = request.getParameter(LANGUAGE_PARAMETER);
                if (language != null && properties.languages().contains(language)) {
                    localeResolver().setLocale(request, response, Locale.forLanguageTag(language));
                }
                return true;
            }
        });
    }

    private Locale browserLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            // without the header the servlet container answers with its own default locale
            return Locale.forLanguageTag(properties.defaultLanguage());
        }
        List<Locale> supported = properties.languages().stream().map(Locale::forLanguageTag).toList();
        var accepted = request.getLocales();
        while (accepted.hasMoreElements()) {
            String language = accepted.nextElement().getLanguage();
            for (Locale locale : supported) {
                if (locale.getLanguage().equals(language)) {
                    return locale;
                }
            }
        }
        return Locale.forLanguageTag(properties.defaultLanguage());
    }
}
