package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldLanguageTest {

    record Outcome(String reference, List<String> documents, boolean anyMail) {
    }

    /** A class with a getter, as a Spring event's payload is read. */
    public static final class Event {
        public Object getPayload() {
            return "the payload";
        }
    }

    private static final Outcome OUTCOME = new Outcome("REL-2026-0007", List.of("budget.xlsx"), true);

    private final CamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void camelFindsTheLanguageByItsName() {
        assertThat(camel.resolveLanguage("field")).isInstanceOf(FieldLanguage.class);
    }

    @Test
    void aFieldIsWhatSimpleReadsAsAPartOfTheBody() {
        for (String field : List.of("reference", "documents", "anyMail")) {
            assertThat(field(field).evaluate(exchangeWith(OUTCOME), Object.class))
                    .isEqualTo(simple("${body." + field + "}").evaluate(exchangeWith(OUTCOME), Object.class));
        }
        assertThat(field("reference").evaluate(exchangeWith(OUTCOME), Object.class)).isEqualTo("REL-2026-0007");
    }

    @Test
    void aGetterIsReadAsSimpleReadsIt() {
        assertThat(field("payload").evaluate(exchangeWith(new Event()), Object.class)).isEqualTo("the payload");
    }

    @Test
    void aFieldOfNoBodyIsNull() {
        assertThat(field("reference").evaluate(exchangeWith(null), Object.class)).isNull();
    }

    @Test
    void aBooleanFieldIsAPredicate() {
        Predicate anyMail = camel.resolveLanguage("field").createPredicate("anyMail");
        anyMail.init(camel);

        assertThat(anyMail.matches(exchangeWith(OUTCOME))).isTrue();
        assertThat(anyMail.matches(exchangeWith(new Outcome("REL-2026-0008", List.of(), false)))).isFalse();
    }

    @Test
    void aBodyWhoseAccessorIsPrivateToTheJdkIsReadBySimple() {
        // List.of's classes are private to the JDK: size() is called through simple, which finds it by the interface
        assertThat(field("size").evaluate(exchangeWith(List.of("a", "b")), Object.class)).isEqualTo(2);
    }

    @Test
    void aFieldTheBodyHasNotFailsAsSimpleFails() {
        Expression missing = field("nothing");

        assertThatThrownBy(() -> missing.evaluate(exchangeWith(OUTCOME), Object.class))
                .hasMessageContaining("nothing");
    }

    @Test
    void aNameThatIsNoFieldIsRefusedWhenTheRouteIsBuilt() {
        assertThatThrownBy(() -> camel.resolveLanguage("field").createExpression("body.reference"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Expression field(String name) {
        Expression expression = camel.resolveLanguage("field").createExpression(name);
        expression.init(camel);
        return expression;
    }

    private Expression simple(String text) {
        Expression expression = camel.resolveLanguage("simple").createExpression(text);
        expression.init(camel);
        return expression;
    }

    private Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
