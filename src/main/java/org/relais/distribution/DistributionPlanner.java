package org.relais.distribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.intake.MailParts;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a distribution request into one mail per recipient, each in its language, recorded in the delivery ledger
 * in one transaction. Exactly once per (reference, kind): a replayed request finds its distribution, writes mails
 * only to recipients that have none yet (new members, or all of them once the missing languages arrive), and hands
 * on every mail still unsent — so a replay sends nothing twice and skips no one.
 */
@Component("distributionPlanner")
public class DistributionPlanner {

    private static final Logger log = LoggerFactory.getLogger(DistributionPlanner.class);
    static final String PURPOSE = "distribution";

    private final DistributionRepository distributions;
    private final DistributionConfig config;
    private final DistributionProperties properties;
    private final ListContacts contacts;
    private final LanguageChoice languages;
    private final ListMailWriter writer;
    private final MailParts parts;
    private final DocumentWords words;
    private final SignedLinks links;
    private final DeliveryProgress progress;

    DistributionPlanner(DistributionRepository distributions, DistributionConfig config,
                        DistributionProperties properties, ListContacts contacts, LanguageChoice languages,
                        ListMailWriter writer, MailParts parts, DocumentWords words, SignedLinks links,
                        DeliveryProgress progress) {
        this.distributions = distributions;
        this.config = config;
        this.properties = properties;
        this.contacts = contacts;
        this.languages = languages;
        this.writer = writer;
        this.parts = parts;
        this.words = words;
        this.links = links;
        this.progress = progress;
    }

    @Transactional
    public DistributionPlan plan(DistributionRequest request) {
        DistributionRepository.Distribution distribution = distributions.lockOrCreate(request);
        distributions.addVersions(distribution.id(), request.versions());
        var policy = config.policy(request.kind());
        if (policy.isEmpty()) {
            log.warn("No distribution policy for kind {} ({}): nothing sent", request.kind(), request.reference());
            distributions.state(distribution.id(), "no-policy", List.of());
            return DistributionPlan.nothing();
        }
        List<String> audiences = policy.get().audiences();
        Map<String, DistributionRepository.StoredVersion> versions = distributions.versions(distribution.id());
        boolean complete = versions.keySet().containsAll(properties.languages());
        if (versions.isEmpty() || policy.get().timing() == DistributionConfig.When.ALL_LANGUAGES && !complete) {
            distributions.state(distribution.id(), "waiting-languages", audiences);
            return DistributionPlan.nothing();
        }
        Set<String> planned = distributions.recipients(distribution.id());
        boolean added = false;
        for (ListContact member : contacts.members(audiences, distribution.seminarCode())) {
            if (planned.contains(member.address())) {
                continue;
            }
            added = true;
            var exclusion = member.exclusion();
            if (exclusion.isPresent()) {
                distributions.insertDelivery(distribution.id(), member.address(), null, null, null, exclusion.get());
                continue;
            }
            String language = languages.choose(member.contact().language(), versions.keySet()).orElseThrow();
            DistributionRepository.StoredVersion version = versions.get(language);
            var part = parts.part(version.partId());
            if (part.isEmpty() || part.get().content() == null) {
                distributions.insertDelivery(distribution.id(), member.address(), language, version.partId(), null,
                        "version not stored");
                continue;
            }
            long mailId = writer.write(new ListMailWriter.Letter(PURPOSE, ListKind.DISTRIBUTION, member, language,
                    "distribution-document", variables(distribution, member, language, version, versions.keySet()),
                    List.of(new OutgoingMail.Attachment(OutgoingMailComposer.singleLine(version.fileName()),
                            contentType(part.get()), part.get().content()))));
            distributions.insertDelivery(distribution.id(), member.address(), language, version.partId(), mailId,
                    null);
        }
        if (added || !"sending".equals(distribution.state()) && !"done".equals(distribution.state())) {
            distributions.state(distribution.id(), "sending", audiences);
        }
        List<OutgoingTicket> unsent = distributions.unsentMails(distribution.id()).stream()
                .map(OutgoingTicket::new).toList();
        return new DistributionPlan(unsent, unsent.isEmpty() ? progress.completed(distribution.id()) : List.of());
    }

    private Map<String, Object> variables(DistributionRepository.Distribution distribution, ListContact member,
                                          String language, DistributionRepository.StoredVersion version,
                                          Set<String> available) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("kind", words.kind(language, distribution.kind()));
        variables.put("title", OutgoingMailComposer.singleLine(distribution.title()));
        variables.put("seminar", words.seminar(language, distribution.seminarCode()));
        variables.put("documentReference", distribution.reference());
        variables.put("fileName", OutgoingMailComposer.singleLine(version.fileName()));
        variables.put("documentUrl", links.documentUrl(version.partId(), version.fileName()));
        variables.put("ownLanguage", language.equals(member.contact().language()));
        variables.put("languageName", words.languageName(language, language));
        variables.put("available", words.languageNames(language, available));
        return variables;
    }

    private static String contentType(org.relais.intake.MailParts.Part part) {
        String type = part.detectedType() != null && part.detectedType().contains("/") ? part.detectedType()
                : part.declaredType();
        return type == null || type.isBlank() ? "application/octet-stream" : type.split(";")[0].strip();
    }
}
