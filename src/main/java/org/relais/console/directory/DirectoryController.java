package org.relais.console.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.relais.console.ActionLog;
import org.relais.console.ConsoleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/** The Directory page and its API: contacts with roles, languages and flags; coordinators edit, each edit recorded. */
@Controller
class DirectoryController {

    static final List<String> LANGUAGES = List.of("fr", "ro", "bg", "ru");
    static final List<String> ROLES = List.of("organiser", "partner", "follow-up", "translator", "coordinator",
            "funder", "ngo", "network", "embassy", "ministry", "agency", "university", "international", "press");

    private final ContactEdits contacts;
    private final ActionLog actions;
    private final List<String> flags;

    DirectoryController(ContactEdits contacts, ActionLog actions, ConsoleProperties properties) {
        this.contacts = contacts;
        this.actions = actions;
        this.flags = properties.contactFlags();
    }

    @GetMapping("/directory")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("contacts", contacts.contacts(q));
        model.addAttribute("q", q);
        model.addAttribute("actions", actions.recent("contact.", 20));
        return "directory";
    }

    @GetMapping("/directory/{address}")
    String edit(@PathVariable String address, Model model) {
        ContactEdits.ContactRow contact = contacts.contact(address)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("contact", contact);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("roles", union(ROLES, contact.roles()));
        model.addAttribute("flags", union(flags, contact.flags()));
        model.addAttribute("organisations", contacts.organisations());
        model.addAttribute("history", actions.about("contact-" + address));
        return "contact";
    }

    @PostMapping("/directory/{address}")
    String save(@PathVariable String address, @RequestParam String name, @RequestParam String language,
                @RequestParam(required = false) String organisation,
                @RequestParam(required = false) String translatesTo,
                @RequestParam(name = "role", required = false) List<String> roles,
                @RequestParam(name = "flag", required = false) List<String> flagged) {
        save(address, new ContactEdits.Edit(name, organisation, language, orEmpty(roles), translatesTo,
                orEmpty(flagged)));
        return "redirect:/directory/" + UriUtils.encodePathSegment(address, StandardCharsets.UTF_8);
    }

    @GetMapping("/api/directory")
    @ResponseBody
    List<ContactEdits.ContactRow> api(@RequestParam(required = false) String q) {
        return contacts.contacts(q);
    }

    @PostMapping("/api/directory/{address}")
    @ResponseBody
    ContactEdits.ContactRow saveApi(@PathVariable String address, @RequestBody ContactEdits.Edit edit) {
        return save(address, new ContactEdits.Edit(edit.name(), edit.organisationCode(), edit.language(),
                orEmpty(edit.roles()), edit.translatesTo(), orEmpty(edit.flags())));
    }

    private ContactEdits.ContactRow save(String address, ContactEdits.Edit edit) {
        if (edit.name() == null || edit.name().isBlank() || !LANGUAGES.contains(edit.language())
                || (edit.translatesTo() != null && !edit.translatesTo().isBlank()
                    && !LANGUAGES.contains(edit.translatesTo()))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a name and a language among " + LANGUAGES);
        }
        if (!flags.containsAll(edit.flags()) || !edit.roles().stream().allMatch(role -> role.matches("[a-z-]{1,40}"))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown flag or malformed role");
        }
        return contacts.edit(address, edit).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static List<String> union(List<String> known, List<String> present) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(present);
        return new ArrayList<>(all);
    }
}
