package org.relais.distribution;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON for the console: distributions and their ledger, bounces with their raw reports, subscriptions. */
@RestController
@RequestMapping("/api")
class DistributionApi {

    private final DistributionService distributions;
    private final ListMailQueue queue;
    private final BounceRepository bounces;
    private final ListContacts contacts;

    DistributionApi(DistributionService distributions, ListMailQueue queue, BounceRepository bounces,
                    ListContacts contacts) {
        this.distributions = distributions;
        this.queue = queue;
        this.bounces = bounces;
        this.contacts = contacts;
    }

    @GetMapping("/distributions")
    List<DistributionRepository.Summary> distributions() {
        return distributions.recent();
    }

    @GetMapping("/distributions/{id}")
    DistributionService.Details distribution(@PathVariable long id) {
        return distributions.details(id);
    }

    @PostMapping("/distributions/{id}/resend-failed")
    Map<String, Integer> resendFailed(@PathVariable long id) {
        var reopened = distributions.resendFailed(id);
        queue.queue(reopened);
        return Map.of("reopened", reopened.size());
    }

    @GetMapping("/bounces")
    List<BounceRepository.Bounce> bounces() {
        return bounces.recent(100);
    }

    /** The report as it arrived, for a coordinator to check what Relais understood. */
    @GetMapping("/bounces/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return bounces.reportOf(id)
                .map(raw -> ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(raw))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/subscriptions/{audience}")
    List<ListContacts.Subscription> subscriptions(@PathVariable String audience) {
        return contacts.subscriptions(audience);
    }

    record Mode(String mode) {
    }

    /** Each event at once ("each") or a daily digest ("digest"): the member's choice, set by a coordinator. */
    @PutMapping("/subscriptions/{address}/notification-mode")
    ResponseEntity<Mode> notificationMode(@PathVariable String address, @RequestBody Mode mode) {
        if (mode.mode() == null || !List.of("each", "digest").contains(mode.mode())) {
            return ResponseEntity.badRequest().build();
        }
        return contacts.notificationMode(address, mode.mode()) ? ResponseEntity.ok(mode)
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/subscriptions/{address}/resubscribe")
    ResponseEntity<Void> resubscribe(@PathVariable String address) {
        return contacts.resubscribe(address) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
