package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/routes.md is the map of the system as the routes say it is, never as someone remembers it. */
class RouteMapTest {

    private static final Path MAP = Path.of("docs/routes.md");

    @Test
    void theCommittedMapIsTheOneTheRoutesDraw() throws Exception {
        String drawn = RouteMap.mermaid(Path.of("routes"));
        if (Boolean.getBoolean("relais.route-map.write")) {
            Files.writeString(MAP, drawn);
        }

        assertThat(Files.exists(MAP) ? Files.readString(MAP) : "")
                .as("docs/routes.md is stale: run mvn test -Dtest=RouteMapTest -Drelais.route-map.write=true")
                .isEqualTo(drawn);
    }

    @Test
    void theMapShowsEachQueueBetweenTheRouteThatFillsItAndTheRouteThatEmptiesIt() throws Exception {
        String drawn = RouteMap.mermaid(Path.of("routes"));

        assertThat(drawn).contains(
                "intake_send_tickets --> jms_queue_intake_mail",
                "jms_queue_intake_mail --> intake_process_mail",
                "jms_queue_intake_mail[(\"intake.mail\")]",
                "intake_fetch_mail --> intake_send_tickets",
                "scheduler_intake_mailbox([\"scheduler:intake-mailbox\"])");
    }
}
