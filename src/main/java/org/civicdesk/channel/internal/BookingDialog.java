package org.civicdesk.channel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.civicdesk.booking.Applicant;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.Deceased;
import org.civicdesk.booking.Declaration;
import org.civicdesk.booking.HoldDetails;
import org.civicdesk.booking.Party;
import org.civicdesk.booking.ResidentIdNumbers;
import org.civicdesk.booking.ServiceInfo;
import org.civicdesk.channel.internal.Conversation.Step;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.ServiceCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The booking dialog, step by step: service, day, a numbered slot (held at once, so it is not lost
 * while the rest is asked), the people, companions, the health declaration, and confirmation.
 * Every rule is the booking module's: its failures are read back in their own words.
 */
@Component
class BookingDialog {

    private final Bookings bookings;
    private final ChannelSettings settings;
    private final Clock clock;

    BookingDialog(Bookings bookings, ChannelSettings settings, Clock clock) {
        this.bookings = bookings;
        this.settings = settings;
        this.clock = clock;
    }

    Reply start(ChannelKind kind, Conversation c, ServiceCode service) {
        c.service = service.name();
        c.step = Step.DATE;
        return Reply.ask(Texts.askDate(kind, service), Reply.Expect.KEYS);
    }

    Reply chooseFuneral(ChannelKind kind, Conversation c) {
        c.step = Step.FUNERAL_SERVICE;
        return Reply.ask(Texts.funeralMenu(kind), Reply.Expect.KEY);
    }

    /** One answer at the step the conversation waits at; empty when it is not understood. */
    Mono<Reply> answer(ChannelKind kind, String phone, Conversation c, String input) {
        return switch (c.step) {
            case FUNERAL_SERVICE -> funeral(kind, c, input);
            case DATE -> date(kind, phone, c, input);
            case SLOT -> slot(kind, phone, c, input);
            case PARTY_NAME -> name(input).map(name -> {
                c.parties.add(new Conversation.PartyInput(name, null));
                c.step = Step.PARTY_ID;
                return Mono.just(Reply.ask(Texts.askPartyId(kind, c.parties.size() - 1), Reply.Expect.KEYS));
            }).orElse(Mono.empty());
            case PARTY_ID -> partyId(kind, c, input);
            case DECEASED_NAME -> name(input).map(name -> {
                c.deceasedName = name;
                c.step = Step.SPECIAL_HANDLING;
                return Mono.just(Reply.ask(Texts.askSpecial(kind), Reply.Expect.KEY));
            }).orElse(Mono.empty());
            case SPECIAL_HANDLING -> yesNo(input).map(yes -> {
                c.specialHandling = yes;
                c.step = Step.APPLICANT_NAME;
                return Mono.just(Reply.ask(Texts.askApplicant(kind), Reply.Expect.SPEECH));
            }).orElse(Mono.empty());
            case APPLICANT_NAME -> name(input).map(name -> {
                c.applicantName = name;
                return askCompanions(kind, c);
            }).orElse(Mono.empty());
            case COMPANIONS -> companions(kind, c, input);
            case DECLARATION -> declaration(kind, phone, c, input);
            case CONFIRM -> confirm(kind, phone, c, input);
            default -> Mono.empty();
        };
    }

    private Mono<Reply> funeral(ChannelKind kind, Conversation c, String input) {
        ServiceCode service = switch (input.strip()) {
            case "1" -> ServiceCode.FAREWELL_CEREMONY;
            case "2" -> ServiceCode.CREMATION;
            case "3" -> ServiceCode.BODY_TRANSPORT;
            default -> null;
        };
        return service == null ? Mono.empty() : Mono.just(start(kind, c, service));
    }

    private Mono<Reply> date(ChannelKind kind, String phone, Conversation c, String input) {
        LocalDate today = LocalDate.now(clock);
        if (kind != ChannelKind.VOICE && c.date != null && input.strip().equals("候补")) {
            return bookings.joinWaitlist(phone, ServiceCode.valueOf(c.service), c.date, kind.bookingChannel())
                    .map(entry -> {
                        c.reset();
                        return Reply.end("已加入 " + Texts.day(entry.date()) + " 的候补名单" + (entry.position() != null
                                ? "（第" + entry.position() + "位）" : "") + "。有空位时会短信通知您，并为您保留一段时间。");
                    });
        }
        return DateInput.parse(input, today).map(date -> offerSlots(kind, c, date)).orElse(Mono.empty());
    }

    Mono<Reply> offerSlots(ChannelKind kind, Conversation c, LocalDate date) {
        c.date = date;
        ServiceCode service = ServiceCode.valueOf(c.service);
        return bookings.numberedSlots(service, date, date.plusDays(Math.max(0, settings.daysSearched() - 1)),
                        kind.bookingChannel(), settings.slotsOffered())
                .map(slots -> {
                    if (slots.isEmpty()) {
                        c.step = Step.DATE;
                        return Reply.ask(Texts.noSlots(kind, date), Reply.Expect.KEYS);
                    }
                    c.offered = slots.stream().map(s -> new Conversation.Offered(s.number(), s.date(), s.start().toString(),
                            s.end().toString())).toList();
                    c.step = Step.SLOT;
                    return Reply.ask(Texts.slots(kind, date, slots), slots.size() > 9 ? Reply.Expect.KEYS : Reply.Expect.KEY);
                });
    }

    private Mono<Reply> slot(ChannelKind kind, String phone, Conversation c, String input) {
        int number = number(input);
        Conversation.Offered chosen = c.offered.stream().filter(o -> o.number() == number).findFirst().orElse(null);
        if (chosen == null) {
            return Mono.empty();
        }
        ServiceCode service = ServiceCode.valueOf(c.service);
        BookingCommand hold = new BookingCommand(service, chosen.date(), LocalTime.parse(chosen.start()), List.of(), null, null, 0,
                kind.bookingChannel(), null);
        return bookings.hold(phone, hold, kind.name() + ":" + c.turn + ":" + phone + ":" + chosen.date() + ":" + chosen.start())
                .map(result -> {
                    c.holdCode = result.booking().code();
                    c.date = chosen.date();
                    c.slotStart = chosen.start();
                    if (service == ServiceCode.MARRIAGE_REGISTRATION) {
                        c.step = Step.PARTY_NAME;
                        return Reply.ask(Texts.askPartyName(kind, 0), Reply.Expect.SPEECH);
                    }
                    c.step = Step.DECEASED_NAME;
                    return Reply.ask(Texts.askDeceased(kind), Reply.Expect.SPEECH);
                })
                .onErrorResume(DomainFailure.class, failure -> offerSlots(kind, c, chosen.date())
                        .map(again -> Reply.ask(detail(failure) + " " + again.text(), again.expect())));
    }

    private Mono<Reply> partyId(ChannelKind kind, Conversation c, String input) {
        String raw = input.replace('*', 'X').replace("#", "").replace(" ", "");
        int index = c.parties.size() - 1;
        try {
            String id = ResidentIdNumbers.checkForMarriage(raw, "parties[" + index + "].idNumber", c.date);
            c.parties.set(index, new Conversation.PartyInput(c.parties.get(index).name(), id));
        }
        catch (DomainFailure failure) {
            return Mono.just(Reply.ask(detail(failure) + " " + Texts.askPartyId(kind, index), Reply.Expect.KEYS));
        }
        if (c.parties.size() < 2) {
            c.step = Step.PARTY_NAME;
            return Mono.just(Reply.ask(Texts.askPartyName(kind, 1), Reply.Expect.SPEECH));
        }
        return askCompanions(kind, c);
    }

    private Mono<Reply> askCompanions(ChannelKind kind, Conversation c) {
        c.step = Step.COMPANIONS;
        return maxCompanions(c).map(max -> Reply.ask(Texts.askCompanions(kind, max), Reply.Expect.KEY));
    }

    private Mono<Reply> companions(ChannelKind kind, Conversation c, String input) {
        int count = number(input);
        if (count < 0) {
            return Mono.empty();
        }
        return maxCompanions(c).map(max -> {
            if (count > max) {
                return Reply.ask("当前风险等级下最多允许 " + max + " 位陪同人员。" + Texts.askCompanions(kind, max), Reply.Expect.KEY);
            }
            c.companions = count;
            c.step = Step.DECLARATION;
            return Reply.ask(Texts.askDeclaration(kind), Reply.Expect.KEY);
        });
    }

    private Mono<Reply> declaration(ChannelKind kind, String phone, Conversation c, String input) {
        String text = input.strip();
        if (List.of("1", "无", "没有", "否", "no", "none").contains(text.toLowerCase(Locale.ROOT))) {
            c.travel = List.of();
        }
        else if (kind == ChannelKind.VOICE) {
            if (!"2".equals(text)) {
                return Mono.empty();
            }
            return release(phone, c).thenReturn(Reply.end("根据疫情防控要求，近14天到过中高风险地区的人员暂不能预约。如有疑问请致电 "
                    + settings.hotline() + "。再见。"));
        }
        else {
            c.travel = Arrays.stream(text.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
        }
        c.step = Step.CONFIRM;
        return Mono.just(Reply.ask(Texts.confirm(kind, c), Reply.Expect.KEY));
    }

    private Mono<Reply> confirm(ChannelKind kind, String phone, Conversation c, String input) {
        return yesNo(input).map(yes -> yes ? book(kind, phone, c) : release(phone, c).then(Mono.fromSupplier(() -> {
            c.reset();
            return Reply.end("已取消本次预约。");
        }))).orElse(Mono.empty());
    }

    private Mono<Reply> book(ChannelKind kind, String phone, Conversation c) {
        boolean marriage = ServiceCode.MARRIAGE_REGISTRATION.name().equals(c.service);
        HoldDetails details = new HoldDetails(
                marriage ? c.parties.stream().map(p -> new Party(p.name(), p.idNumber())).toList() : null,
                marriage ? null : new Applicant(c.applicantName, phone),
                marriage ? null : new Deceased(c.deceasedName, Boolean.TRUE.equals(c.specialHandling)),
                c.companions, new Declaration(c.travel));
        return bookings.confirmHold(phone, c.holdCode, details)
                .map(booking -> {
                    c.reset();
                    return Reply.end(Texts.booked(kind, booking));
                })
                .onErrorResume(DomainFailure.class, failure -> {
                    if ("hold-expired".equals(failure.slug())) {
                        c.holdCode = null;
                        return offerSlots(kind, c, c.date).map(again -> Reply.ask("座位保留时间已过。" + again.text(), again.expect()));
                    }
                    return release(phone, c).then(Mono.fromSupplier(() -> {
                        c.reset();
                        return Reply.end("预约未成功：" + detail(failure));
                    }));
                });
    }

    /** Gives back a seat the dialog held and will not confirm. */
    Mono<Void> release(String phone, Conversation c) {
        if (c.holdCode == null) {
            return Mono.empty();
        }
        String code = c.holdCode;
        c.holdCode = null;
        return bookings.cancel(phone, code).then().onErrorResume(ex -> Mono.empty());
    }

    private Mono<Integer> maxCompanions(Conversation c) {
        return bookings.services().map(all -> all.stream().filter(s -> s.code().name().equals(c.service)).findFirst()
                .map(ServiceInfo::limits).map(ServiceInfo.Limits::maxCompanions).orElse(0));
    }

    static String detail(DomainFailure failure) {
        return failure.detail(Locale.SIMPLIFIED_CHINESE);
    }

    private static java.util.Optional<String> name(String input) {
        String name = input.strip().replaceAll("[。.,，!！?？]+$", "");
        return name.length() >= 1 && name.length() <= 30 && !name.matches(".*\\d.*") ? java.util.Optional.of(name)
                : java.util.Optional.empty();
    }

    private static java.util.Optional<Boolean> yesNo(String input) {
        return switch (input.strip().toLowerCase(Locale.ROOT)) {
            case "1", "是", "确认", "yes", "y" -> java.util.Optional.of(true);
            case "2", "否", "不", "取消", "no", "n" -> java.util.Optional.of(false);
            default -> java.util.Optional.empty();
        };
    }

    private static int number(String input) {
        String digits = input.strip().replace("#", "");
        return digits.matches("\\d{1,2}") ? Integer.parseInt(digits) : -1;
    }
}
