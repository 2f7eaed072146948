package org.relais.console;

import java.util.List;
import java.util.Locale;
import org.relais.console.alarms.Alarm;
import org.relais.console.alarms.Alarms;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every console page shows around its content: who is logged in, may they act, the languages, the alarms. */
@ControllerAdvice(basePackages = "org.relais.console")
class ConsolePages {

    private final ConsoleProperties properties;
    private final Alarms alarms;

    ConsolePages(ConsoleProperties properties, Alarms alarms) {
        this.properties = properties;
        this.alarms = alarms;
    }

    @ModelAttribute
    void frame(Model model, Authentication authentication, Locale locale) {
        model.addAttribute("user", authentication == null ? null : authentication.getName());
        model.addAttribute("canAct", Actor.isCoordinator(authentication));
        model.addAttribute("languages", properties.languages());
        model.addAttribute("language", locale.getLanguage());
        model.addAttribute("refreshSeconds", properties.refreshSeconds());
    }

    @ModelAttribute("activeAlarms")
    List<Alarm> activeAlarms(Authentication authentication) {
        return authentication == null ? List.of() : alarms.active();
    }
}
