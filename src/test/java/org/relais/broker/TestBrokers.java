package org.relais.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** What the broker tests of this package share: the hub's settings, a journal of their own, a broker started. */
final class TestBrokers {

    private TestBrokers() {
    }

    /** The settings the hub gives its embedded broker (BrokerConfiguration), on {@code configuration}. */
    static Configuration withHubSettings(Configuration configuration) throws Exception {
        new BrokerConfiguration().deadLetterSettings(new BrokerProperties("DLQ", 10)).customize(configuration);
        return configuration;
    }

    /** The broker's journal, bindings, paging and large messages in {@code data}. */
    static Configuration journalIn(Configuration configuration, Path data) {
        return configuration.setBindingsDirectory(data.resolve("bindings").toString())
                .setJournalDirectory(data.resolve("journal").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString());
    }

    static EmbeddedActiveMQ start(Configuration configuration) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return broker;
    }
}
