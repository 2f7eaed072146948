package org.relais.console.alarms;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The active alarms, shown on every console page to whoever is logged in. */
@ControllerAdvice(basePackages = "org.relais.console")
class AlarmsOnEveryPage {

    private final Alarms alarms;

    AlarmsOnEveryPage(Alarms alarms) {
        this.alarms = alarms;
    }

    @ModelAttribute("activeAlarms")
    List<Alarm> activeAlarms(Authentication authentication) {
        return authentication == null ? List.of() : alarms.active();
    }
}
