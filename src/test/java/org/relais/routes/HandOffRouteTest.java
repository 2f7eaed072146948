package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.event.EventComponent;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.broker.RouteHandOff;
import org.relais.broker.RouteHandOffs;
import org.relais.console.alarms.AlarmMailed;
import org.relais.distribution.ListMails;
import org.relais.intake.IntakeTicket;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.TranslationJobTicket;
import org.springframework.context.support.GenericApplicationContext;

/**
 * routes/hand-off.yaml: what Java code hands to the routes (the real RouteHandOff, publishing its events in a Spring
 * application context that passes them to Camel's spring-event component, as the hub's does) goes on its way by its
 * type; a record no route takes fails its caller.
 */
class HandOffRouteTest extends RouteTestSupport {

    private final GenericApplicationContext spring = new GenericApplicationContext();
    private final EventComponent springEvents = new EventComponent(spring);
    private final RouteHandOff handOff = RouteHandOffs.publishingTo(spring);

    @Override
    protected List<String> routeFiles() {
        return List.of("hand-off.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("distribution-queue-mails", "mail-queue-tickets", "minutes-dispatch-messages",
                "notification-publish-event");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        spring.addApplicationListener(springEvents::onApplicationEvent);
        spring.refresh();
        registry.bind("spring-event", springEvents);
        registry.bind("routeHandOff", handOff);
    }

    @AfterEach
    void closeSpring() {
        spring.close();
    }

    @Test
    void aMailReleasedFromQuarantineGoesBackToIntake() {
        handOff.afterCommit(new IntakeTicket(9));

        assertThat(sentTo("intake.mail", IntakeTicket.class)).containsExactly(new IntakeTicket(9));
        assertThat(queuesReached()).containsExactly("intake.mail");
    }

    @Test
    void whatACoordinatorsDecisionInTheConsoleHandsOnGoesToItsQueues() {
        Dispatch decided = Dispatch.ofMails(List.of(new OutgoingTicket(3)))
                .and(Dispatch.ofJob(new TranslationJobTicket(7, "REL-2026-0030", "bg")));

        handOff.afterCommit(decided);

        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(3));
        assertThat(sentTo("translation.bg", TranslationJobTicket.class))
                .containsExactly(new TranslationJobTicket(7, "REL-2026-0030", "bg"));
        assertThat(queuesReached()).containsExactly("mail.outgoing", "translation.bg");
    }

    @Test
    void listMailWrittenInTheConsoleGoesToTheThrottledSendQueue() {
        handOff.afterCommit(new ListMails(List.of(new OutgoingTicket(1), new OutgoingTicket(2))));

        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class))
                .containsExactly(new OutgoingTicket(1), new OutgoingTicket(2));
        assertThat(queuesReached()).containsExactly("distribution.outgoing");
    }

    @Test
    void anAlarmsMailGoesToTheOutgoingQueue() {
        handOff.afterCommit(new AlarmMailed(new OutgoingTicket(3)));

        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(3));
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void aRecordNoRouteTakesFailsItsCallerInsteadOfVanishing() {
        assertThatThrownBy(() -> handOff.afterCommit(new OutgoingTicket(4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No route took the OutgoingTicket");
        assertThat(queuesReached()).isEmpty();
    }

    @Test
    void springsOwnEventsPassWithoutATrace() {
        NotifyBuilder passed = messagesTakenBy("hand-off-dispatch").whenCompleted(1).create();

        spring.publishEvent("a request was handled");

        assertThat(passed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queuesReached()).isEmpty();
    }
}
