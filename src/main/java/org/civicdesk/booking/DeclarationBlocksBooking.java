package org.civicdesk.booking;

import java.util.List;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The health declaration names recent travel to a risk area: the booking is refused for now. */
public final class DeclarationBlocksBooking extends DomainFailure {

    public DeclarationBlocksBooking(List<String> areas, String hotline) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "declaration-blocks-booking", "Declaration blocks booking",
                "您申报近期到过疫情风险地区（" + String.join("、", areas) + "），按防控要求暂不能网上预约。请致电 " + hotline
                        + " 咨询办理。",
                "You declared recent travel to a risk area (" + String.join(", ", areas)
                        + "); bookings are not taken for now. Please call " + hotline + ".");
        with("riskAreas", areas);
        with("hotline", hotline);
    }
}
