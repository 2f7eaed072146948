package org.relais.distribution;

import java.util.List;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the console does with distributions: read the ledger, send again what failed (and only that). */
@Service
public class DistributionService {

    private final DistributionRepository distributions;
    private final OutgoingMailLedger ledger;

    DistributionService(DistributionRepository distributions, OutgoingMailLedger ledger) {
        this.distributions = distributions;
        this.ledger = ledger;
    }

    public record Details(DistributionRepository.Summary summary, List<DistributionRepository.LedgerLine> ledger) {
    }

    public List<DistributionRepository.Summary> recent() {
        return distributions.recent(50);
    }

    @Transactional(readOnly = true)
    public Details details(long distributionId) {
        return new Details(distributions.summary(distributionId), distributions.ledger(distributionId));
    }

    /** The mails refused for good or bounced, reopened for sending: delivered ones are never sent again. */
    @Transactional
    public List<OutgoingTicket> resendFailed(long distributionId) {
        List<OutgoingTicket> reopened = ledger.reopen(distributions.failedMails(distributionId));
        if (!reopened.isEmpty()) {
            distributions.state(distributionId, "sending", distributions.summaryAudiences(distributionId));
        }
        return reopened;
    }
}
