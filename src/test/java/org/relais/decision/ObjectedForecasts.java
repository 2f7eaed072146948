package org.relais.decision;

import java.util.List;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;

/** End-to-end tests that start from a forecast budget a member of the follow-up group objected to. */
public abstract class ObjectedForecasts extends HubTest {

    protected static final String COORDINATOR = "coordination@relais.test";

    /** A forecast the checks accept, objected to by the Bulgarian member; its reference. */
    protected String objectedForecast() {
        mail().from("arges@relais.test").subject("Buget seminar")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        for (String member : List.of("suivi-fr@relais.test", "suivi-ro@relais.test", "suivi-bg@relais.test",
                "suivi-md@relais.test")) {
            awaitMailsTo(member, "budget-review-request", 1);
        }
        mail().from("suivi-bg@relais.test").answering(mailsTo("suivi-bg@relais.test", "budget-review-request").get(0))
                .text("Възражение: кетърингът е твърде скъп.").send();
        awaitMailsTo(COORDINATOR, "budget-review-objection", 1);
        return jdbc.sql("select reference from budget").query(String.class).single();
    }
}
