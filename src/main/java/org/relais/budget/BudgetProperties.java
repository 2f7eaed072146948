package org.relais.budget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The budget flows' settings ({@code relais.budget.*}, config/application.yml); the budget model and its labels are
 * files in config/budget/.
 *
 * @param review the follow-up group's review of an accepted forecast
 */
@ConfigurationProperties("relais.budget")
@Validated
record BudgetProperties(@NotNull @Valid Review review) {

    /**
     * @param approvalsNeeded  approvals that accept a forecast, unless a member objects
     * @param reminderDelay    members who have not answered this long after the request are reminded
     * @param reminderCheckMs  how often the timer looks for members to remind (routes/budget-review.yaml)
     */
    record Review(@Positive int approvalsNeeded, @NotNull Duration reminderDelay, @Positive long reminderCheckMs) {
    }
}
