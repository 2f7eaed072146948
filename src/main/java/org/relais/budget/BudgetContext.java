package org.relais.budget;

import java.util.Optional;

/**
 * What a budget is judged against besides its own file.
 *
 * @param seminarCode      the seminar the budget was matched to (from the sender, subject or title); null or blank
 *                         when it could not be, which is itself a finding
 * @param organiserCountry the country of the seminar's organiser (ISO 3166), whose currency is assumed when the file
 *                         names none, and which tells what "lei" means
 * @param seminarYear      the seminar's year, whose exchange rates judge the amounts
 */
public record BudgetContext(String seminarCode, Optional<String> organiserCountry, Optional<Integer> seminarYear) {

    public static BudgetContext of(String seminarCode, String organiserCountry, Integer seminarYear) {
        return new BudgetContext(seminarCode, Optional.ofNullable(organiserCountry), Optional.ofNullable(seminarYear));
    }
}
