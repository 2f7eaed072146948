package org.relais.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relais.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the directory and the seminars from configuration into PostgreSQL before any route starts, so that the
 * first mail fetched already meets a known directory. Upserts: a restart with the same files changes nothing.
 */
@Component
class DirectoryLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLoader.class);

    private final DirectoryRepository repository;
    private final TransactionTemplate transaction;
    private final Path configDirectory;

    DirectoryLoader(DirectoryRepository repository, TransactionTemplate transaction,
                    HubProperties hub) {
        this.repository = repository;
        this.transaction = transaction;
        this.configDirectory = hub.configDir();
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        DirectoryFiles.DirectoryFile directory = DirectoryFiles.directory(configDirectory.resolve("directory.yaml"));
        DirectoryFiles.SeminarsFile seminars = DirectoryFiles.seminars(configDirectory.resolve("seminars.yaml"));
        List<Contact> contacts = directory.contacts().stream()
                .map(entry -> new Contact(entry.address().trim().toLowerCase(Locale.ROOT), entry.name(),
                        entry.organisation(), entry.language(), entry.roles() == null ? List.of() : entry.roles(),
                        entry.translatesTo()))
                .sorted(Comparator.comparing(Contact::address))
                .toList();
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    directory.organisations().forEach(repository::upsertOrganisation);
                    // Another instance may be writing to these rows (a list reference, a bounce): touching only
                    // the contacts that changed, in address order, keeps this start from deadlocking with it.
                    Set<Contact> stored = new HashSet<>(repository.contacts());
                    contacts.stream().filter(contact -> !stored.contains(contact)).forEach(repository::upsertContact);
                    seminars.seminars().forEach(repository::upsertSeminar);
                });
                break;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.warn("Directory load met a concurrent writer ({}); trying again", e.getMostSpecificCause().getMessage());
            }
        }
        repository.reloadSeminars();
        log.info("Directory loaded: {} organisations, {} contacts, {} seminars", directory.organisations().size(),
                directory.contacts().size(), seminars.seminars().size());
    }
}
