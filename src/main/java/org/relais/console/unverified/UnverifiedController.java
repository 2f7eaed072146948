package org.relais.console.unverified;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Unverified page and its API: decisions claimed by mail without being bound to their request (each waits for
 * its sender's confirmation), and delivery reports that proved no mail of the hub (they changed nothing).
 */
@Controller
class UnverifiedController {

    private final UnverifiedRepository unverified;

    UnverifiedController(UnverifiedRepository unverified) {
        this.unverified = unverified;
    }

    @GetMapping("/unverified")
    String page(Model model) {
        model.addAttribute("claims", unverified.claims());
        model.addAttribute("reports", unverified.uncountedReports());
        return "unverified";
    }

    @GetMapping("/api/claims")
    @ResponseBody
    List<UnverifiedRepository.Claim> claims() {
        return unverified.claims();
    }

    @GetMapping("/api/bounces/uncounted")
    @ResponseBody
    List<UnverifiedRepository.UncountedReport> uncountedReports() {
        return unverified.uncountedReports();
    }
}
