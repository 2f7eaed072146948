package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop guard's lock on a sender (OutgoingMailRepository.lockDecisionsAbout) is asked of PostgreSQL once a
 * transaction: the note and the decision about the same sender share it; the next transaction, and one of its own
 * inside, ask again.
 */
class DecisionLocksTest extends HubTest {

    @Autowired
    private DataSource hubDataSource;

    private final List<String> locksAsked = new CopyOnWriteArrayList<>();

    @Test
    void aTransactionAsksForTheLockOfASubjectOnceAndTheNextTransactionAsksAgain() {
        DataSource counting = new LockCountingDataSource(hubDataSource);
        OutgoingMailRepository outgoing = new OutgoingMailRepository(JdbcClient.create(counting));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(counting));

        transaction.executeWithoutResult(status -> {
            outgoing.lockDecisionsAbout("arges@relais.test");
            outgoing.lockDecisionsAbout("arges@relais.test");
            outgoing.lockDecisionsAbout("neamt@relais.test");
        });
        assertThat(locksAsked).hasSize(2);

        transaction.executeWithoutResult(status -> outgoing.lockDecisionsAbout("arges@relais.test"));
        assertThat(locksAsked).as("a new transaction holds no lock yet").hasSize(3);
    }

    @Test
    void anInnerTransactionOfItsOwnAsksForItsLocksAndTheOuterOneStillKnowsItsOwn() {
        DataSource counting = new LockCountingDataSource(hubDataSource);
        OutgoingMailRepository outgoing = new OutgoingMailRepository(JdbcClient.create(counting));
        DataSourceTransactionManager manager = new DataSourceTransactionManager(counting);
        TransactionTemplate outer = new TransactionTemplate(manager);
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            outgoing.lockDecisionsAbout("arges@relais.test");
            inner.executeWithoutResult(innerStatus -> outgoing.lockDecisionsAbout("neamt@relais.test"));
            assertThat(locksAsked).hasSize(2);
            outgoing.lockDecisionsAbout("arges@relais.test");
            assertThat(locksAsked).as("held by the outer transaction since its first ask").hasSize(2);
            outgoing.lockDecisionsAbout("neamt@relais.test");
            assertThat(locksAsked).as("the inner transaction's lock ended with it").hasSize(3);
        });
    }

    @Test
    void withoutATransactionTheLockEndsWithItsStatementAndIsAskedForEachTime() {
        OutgoingMailRepository outgoing = new OutgoingMailRepository(JdbcClient.create(
                new LockCountingDataSource(hubDataSource)));

        outgoing.lockDecisionsAbout("arges@relais.test");
        outgoing.lockDecisionsAbout("arges@relais.test");

        assertThat(locksAsked).hasSize(2);
    }

    /** The hub's database, noting each statement that asks for an advisory lock. */
    private final class LockCountingDataSource extends DelegatingDataSource {

        LockCountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("prepareStatement")
                                && String.valueOf(arguments[0]).contains("pg_advisory_xact_lock")) {
                            locksAsked.add(String.valueOf(arguments[0]));
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
