package org.civicdesk.directory.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The directory over HTTP: every staff account reads it, the command group changes it. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Directory", description = "The bureau's units and their duty contacts")
@SecurityRequirement(name = "bearer")
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF', 'UNIT_MEMBER')")
    @Operation(summary = "List the units, optionally of one type")
    Flux<Unit> list(@RequestParam(required = false) @Nullable UnitType type) {
        return type == null ? units.findAll() : units.findByType(type);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF', 'UNIT_MEMBER')")
    @Operation(summary = "One unit with its contacts")
    Mono<Unit> get(@PathVariable long id) {
        return units.findById(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a unit (command group)")
    Mono<ResponseEntity<Unit>> create(@Valid @RequestBody UnitRequest request) {
        return units.create(request.name(), request.type(), request.contactList())
                .map(unit -> ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a unit's name, type and contacts (command group)")
    Mono<Unit> update(@PathVariable long id, @Valid @RequestBody UnitRequest request) {
        return units.update(id, request.name(), request.type(), request.contactList());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a unit that has no staff accounts (command group)")
    Mono<ResponseEntity<Void>> delete(@PathVariable long id) {
        return units.delete(id).thenReturn(ResponseEntity.noContent().build());
    }

    /** A unit as the command group writes it. */
    record UnitRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull UnitType type,
            @Size(max = 20) @Nullable List<@Valid ContactRequest> contacts) {

        List<Contact> contactList() {
            return contacts == null ? List.of() : contacts.stream().map(c -> new Contact(c.name(), c.phone())).toList();
        }
    }

    /** A duty contact as written; the phone may be in any common form. */
    record ContactRequest(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String phone) {
    }
}
