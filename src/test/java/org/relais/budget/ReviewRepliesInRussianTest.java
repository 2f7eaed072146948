package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A follow-up group member writing Russian approves or objects with the words of config/budget/review.yaml. */
class ReviewRepliesInRussianTest {

    private static final ReviewReplyReader READER = ReviewReplyReader.load(Path.of("config/budget/review.yaml"));

    @Test
    void russianApprovalAndObjectionAreReadAndTheQuoteBelowIsLeftOut() {
        String quote = "\n\n23.10.2009 10:00, Relais пишет:\n> Ответьте «одобряю» или «возражение».";
        assertThat(READER.read("Re: [REL-2026-0001] Смета", "Одобряю, смета реалистична." + quote).decision())
                .isEqualTo(ReviewReplyReader.Decision.APPROVE);
        ReviewReplyReader.Reading objection = READER.read("Re: [REL-2026-0001]",
                "Не согласен: питание слишком дорогое." + quote);
        assertThat(objection.decision()).isEqualTo(ReviewReplyReader.Decision.OBJECT);
        assertThat(objection.comment()).isEqualTo("Не согласен: питание слишком дорогое.");
        assertThat(READER.read("Re: x", "Спасибо, посмотрю." + quote).decision())
                .isEqualTo(ReviewReplyReader.Decision.COMMENT);
    }
}
