package org.civicdesk.booking.internal;

import java.util.List;

import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Deceased;
import org.civicdesk.platform.PhoneNumbers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns stored bookings into what citizens and staff see: ID numbers and phones masked. */
@Component
class BookingViews {

    private final ServiceCatalog catalog;
    private final BookingCodes codes;

    BookingViews(ServiceCatalog catalog, BookingCodes codes) {
        this.catalog = catalog;
        this.codes = codes;
    }

    Mono<Booking> of(BookingRow row) {
        return catalog.get(row.service()).map(definition -> of(row, definition));
    }

    Booking of(BookingRow row, ServiceCatalog.Definition definition) {
        List<Booking.PartyView> parties = definition.kind() == ServiceCatalog.Kind.MARRIAGE
                ? row.parties().stream().map(p -> new Booking.PartyView(p.name(), p.idMasked())).toList() : null;
        Booking.ApplicantView applicant = row.applicantName() == null ? null
                : new Booking.ApplicantView(row.applicantName(), PhoneNumbers.mask(row.applicantPhone()));
        Deceased deceased = row.deceasedName() == null ? null
                : new Deceased(row.deceasedName(), Boolean.TRUE.equals(row.specialHandling()));
        return new Booking(row.code(), row.status(), row.service(), definition.name(), catalog.office(definition).name(),
                row.day(), row.start(), row.end(), parties, applicant, deceased, row.companions(), row.channel(),
                row.status() == BookingStatus.HELD ? row.heldUntil() : null, codes.qr(row.code()), row.createdAt());
    }
}
