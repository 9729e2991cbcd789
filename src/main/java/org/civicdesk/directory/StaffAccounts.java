package org.civicdesk.directory;

import java.util.Set;

import org.civicdesk.directory.internal.StaffAccountRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The people who sign in to work. Passwords arrive here already hashed. */
@Service
public class StaffAccounts {

    private final StaffAccountRepository repository;

    StaffAccounts(StaffAccountRepository repository) {
        this.repository = repository;
    }

    public Mono<StaffAccount> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    public Flux<StaffAccount> findByUnit(long unitId) {
        return repository.findByUnit(unitId);
    }

    /** Adds an account, or does nothing when the username is taken; emits the stored account. */
    public Mono<StaffAccount> createIfAbsent(String username, String displayName, String passwordHash,
            Set<StaffRole> roles, @Nullable Long unitId, boolean demo) {
        return repository.insertIfAbsent(username, displayName, passwordHash, roles, unitId, demo)
                .then(repository.findByUsername(username));
    }
}
