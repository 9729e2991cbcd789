package org.civicdesk.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.civicdesk.directory.internal.UnitRepository;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The bureau's units and their duty contacts. */
@Service
public class Units {

    private static final int MAX_CONTACTS = 20;

    private final UnitRepository repository;
    private final TransactionalOperator tx;

    Units(UnitRepository repository, TransactionalOperator tx) {
        this.repository = repository;
        this.tx = tx;
    }

    public Flux<Unit> findAll() {
        return repository.findAll(null);
    }

    public Flux<Unit> findByType(UnitType type) {
        return repository.findAll(type);
    }

    public Flux<Unit> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Flux.empty() : repository.findByIds(ids);
    }

    /** The unit, or {@link UnitNotFound}. */
    public Mono<Unit> findById(long id) {
        return repository.findByIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> new UnitNotFound(id)));
    }

    /** Adds a unit; phones are normalised to E.164. */
    public Mono<Unit> create(String name, UnitType type, List<Contact> contacts) {
        List<Contact> normalised = normalise(contacts);
        String trimmed = name.strip();
        return repository.insert(trimmed, type, normalised).as(tx::transactional);
    }

    /** Replaces a unit's name, type and contacts. */
    public Mono<Unit> update(long id, String name, UnitType type, List<Contact> contacts) {
        List<Contact> normalised = normalise(contacts);
        String trimmed = name.strip();
        return repository.update(id, trimmed, type, normalised).as(tx::transactional)
                .switchIfEmpty(Mono.error(() -> new UnitNotFound(id)));
    }

    /** Removes a unit that no staff account belongs to. */
    public Mono<Void> delete(long id) {
        return repository.delete(id).as(tx::transactional)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new UnitNotFound(id)));
    }

    private static List<Contact> normalise(List<Contact> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw new InvalidInput("too-many-contacts", "contacts", "每个单位最多 " + MAX_CONTACTS + " 个联系人。",
                    "A unit has at most " + MAX_CONTACTS + " contacts.");
        }
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            out.add(new Contact(c.name().strip(), PhoneNumbers.normalize(c.phone(), "contacts[" + i + "].phone")));
        }
        return out;
    }
}
