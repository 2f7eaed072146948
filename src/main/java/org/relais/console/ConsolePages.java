package org.relais.console;

import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/**
 * What every console page shows around its content: who is logged in, may they act, the languages (and the alarms,
 * {@code console.alarms.AlarmsOnEveryPage}).
 */
@ControllerAdvice(basePackages = "org.relais.console")
class ConsolePages {

    private final ConsoleProperties properties;

    ConsolePages(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void frame(Model model, Authentication authentication, Locale locale) {
        model.addAttribute("user", authentication == null ? null : authentication.getName());
        model.addAttribute("canAct", Actor.isCoordinator(authentication));
        model.addAttribute("languages", properties.languages());
        model.addAttribute("language", locale.getLanguage());
        model.addAttribute("refreshSeconds", properties.refreshSeconds());
    }
}
