package org.civicdesk.channel.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Bookings;
import org.civicdesk.channel.internal.Conversation.Step;
import org.civicdesk.identity.PhoneVerifications;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.sms.Sms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one conversation engine SMS, WeChat and voice share: reads a command or the answer to the
 * question asked, moves the conversation on, and says what to say back. State lives in Redis, so
 * any instance can take the next message of a conversation.
 */
@Component
public class Conversations {

    private final ConversationStore store;
    private final BookingDialog dialog;
    private final Bookings bookings;
    private final Bulletins bulletins;
    private final Sms sms;
    private final PhoneVerifications verifications;
    private final PhoneBindings bindings;
    private final ChannelSettings settings;
    private final Clock clock;

    Conversations(ConversationStore store, BookingDialog dialog, Bookings bookings, Bulletins bulletins, Sms sms,
            PhoneVerifications verifications, PhoneBindings bindings, ChannelSettings settings, Clock clock) {
        this.store = store;
        this.dialog = dialog;
        this.bookings = bookings;
        this.bulletins = bulletins;
        this.sms = sms;
        this.verifications = verifications;
        this.bindings = bindings;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a new follower of the official account is told. */
    public static String welcome() {
        return Texts.welcome();
    }

    /**
     * @param kind  the channel
     * @param id    the conversation: the texter's phone, the WeChat OpenID, or the call's CallSid
     * @param phone the verified phone behind it (Twilio's {@code From}, a WeChat binding), if any
     * @param input what was typed, pressed (keys) or said; empty when nothing came
     */
    public Mono<Reply> handle(ChannelKind kind, String id, @Nullable String phone, String input) {
        return store.load(kind, id).flatMap(c -> {
            c.turn++;
            Mono<Reply> reply = kind == ChannelKind.VOICE ? call(kind, phone, c, input.strip())
                    : text(kind, id, phone, c, input.strip());
            return reply
                    .onErrorResume(DomainFailure.class, failure -> Mono.just(Reply.say(BookingDialog.detail(failure))))
                    .doOnNext(r -> {
                        if (r.next() == Reply.Next.CONTINUE) {
                            c.lastPrompt = r.text();
                            c.lastExpect = r.expect();
                        }
                    })
                    .flatMap(r -> store.save(kind, id, c).thenReturn(r));
        });
    }

    private Mono<Reply> call(ChannelKind kind, @Nullable String phone, Conversation c, String input) {
        if (c.step == Step.IDLE || phone == null) {
            c.step = Step.MENU;
            return Mono.just(Reply.ask(Texts.menu(kind), Reply.Expect.KEY));
        }
        if (c.step == Step.MENU) {
            return switch (input) {
                case "1" -> answered(c, Mono.just(dialog.start(kind, c, ServiceCode.MARRIAGE_REGISTRATION)));
                case "2" -> answered(c, Mono.just(dialog.chooseFuneral(kind, c)));
                case "3" -> answered(c, bulletins.latest(true).map(text -> Reply.ask(text + " " + Texts.menu(kind), Reply.Expect.KEY)));
                case "0" -> Mono.just(settings.dutyOfficerNumber() != null
                        ? Reply.dial("正在为您转接值班人员，请稍候。", settings.dutyOfficerNumber())
                        : Reply.end("人工服务请拨打 " + settings.hotline() + "。再见。"));
                default -> retry(kind, phone, c);
            };
        }
        if (input.isEmpty()) {
            return retry(kind, phone, c);
        }
        return answered(c, dialog.answer(kind, phone, c, input)).switchIfEmpty(Mono.defer(() -> retry(kind, phone, c)));
    }

    private Mono<Reply> text(ChannelKind kind, String id, @Nullable String phone, Conversation c, String input) {
        Command command = Command.parse(input);
        switch (command.kind()) {
            case HELP:
                return Mono.just(Reply.say(Texts.help(kind)));
            case NOTICES:
                return bulletins.latest(false).map(Reply::say);
            case RESET:
                return release(phone, c).then(Mono.fromSupplier(() -> {
                    c.reset();
                    return Reply.say("已重新开始。\n" + Texts.help(kind));
                }));
            case BIND:
                return bind(kind, id, c, command.argument());
            default:
                break;
        }
        if (command.kind() != Command.Kind.NONE && phone == null) {
            return Mono.just(Reply.say(bindFirst()));
        }
        return switch (command.kind()) {
            case STOP -> sms.optOut(phone).thenReturn(Reply.say("您已退订民政通的非必要短信（预约确认、验证码等仍会发送）。回复“订阅”或 START 恢复。"));
            case START -> sms.optIn(phone).thenReturn(Reply.say("您已恢复接收民政通短信通知。"));
            case STATUS -> status(phone);
            case CANCEL -> command.argument() == null ? Mono.just(Reply.say("请回复“取消 预约号”，例如：取消 12345678。"))
                    : bookings.cancel(phone, command.argument()).map(b -> Reply.say("已取消预约 " + b.code() + "（" + b.serviceName()
                            + " " + Texts.day(b.date()) + " " + b.slotStart() + "）。"));
            case BOOK -> release(phone, c).then(Mono.fromSupplier(() -> {
                c.reset();
                if (command.service() != null) {
                    return dialog.start(kind, c, command.service());
                }
                if (command.funeral()) {
                    return dialog.chooseFuneral(kind, c);
                }
                c.step = Step.MENU;
                return Reply.say(Texts.menu(kind));
            }));
            default -> answer(kind, id, phone, c, input);
        };
    }

    private Mono<Reply> answer(ChannelKind kind, String id, @Nullable String phone, Conversation c, String input) {
        if (c.step == Step.BIND_CODE) {
            return confirmBinding(id, c, input);
        }
        if (c.step == Step.IDLE) {
            return Mono.just(Reply.say("没有看懂您的消息。\n" + Texts.help(kind)));
        }
        if (phone == null) {
            return Mono.just(Reply.say(bindFirst()));
        }
        if (c.step == Step.MENU) {
            return switch (input) {
                case "1" -> Mono.just(dialog.start(kind, c, ServiceCode.MARRIAGE_REGISTRATION));
                case "2" -> Mono.just(dialog.chooseFuneral(kind, c));
                default -> Mono.just(Reply.say(Texts.menu(kind)));
            };
        }
        return dialog.answer(kind, phone, c, input)
                .switchIfEmpty(Mono.fromSupplier(() -> Reply.say("没有看懂您的回复。" + (c.lastPrompt != null ? c.lastPrompt : ""))));
    }

    private Mono<Reply> answered(Conversation c, Mono<Reply> reply) {
        return reply.doOnNext(r -> c.retries = 0);
    }

    /** A call's question not answered (or not understood): asked again twice, then a polite goodbye. */
    private Mono<Reply> retry(ChannelKind kind, @Nullable String phone, Conversation c) {
        c.retries++;
        if (c.retries > settings.maxRetries()) {
            Mono<Void> released = phone != null ? release(phone, c) : Mono.empty();
            return released.then(Mono.fromSupplier(() -> {
                c.reset();
                return Reply.end("很抱歉，没有收到您的有效输入。感谢致电民政通，再见。");
            }));
        }
        String prompt = c.lastPrompt != null ? c.lastPrompt : Texts.menu(kind);
        return Mono.just(Reply.ask("对不起，没有听清您的选择。" + prompt, c.lastExpect != null ? c.lastExpect : Reply.Expect.KEY));
    }

    private Mono<Reply> status(String phone) {
        LocalDate today = LocalDate.now(clock);
        return bookings.findMine(phone)
                .filter(b -> (b.status() == BookingStatus.CONFIRMED || b.status() == BookingStatus.HELD) && !b.date().isBefore(today))
                .map(Texts::bookingLine)
                .collectList()
                .map(lines -> Reply.say(lines.isEmpty() ? "您目前没有进行中的预约。回复“预约 结婚”或“预约 殡葬”开始预约。"
                        : "您的预约：\n" + String.join("\n", lines) + "\n取消请回复“取消 预约号”。"));
    }

    private Mono<Reply> bind(ChannelKind kind, String id, Conversation c, @Nullable String phone) {
        if (kind != ChannelKind.WECHAT || phone == null) {
            return Mono.just(Reply.say("短信和电话已用您的手机号识别身份，无需绑定。"));
        }
        return verifications.sendCode(phone, "wechat:" + id).map(masked -> {
            c.reset();
            c.step = Step.BIND_CODE;
            c.bindPhone = phone;
            return Reply.say("验证码已发送至 " + masked + "，请在5分钟内回复6位验证码。");
        });
    }

    private Mono<Reply> confirmBinding(String id, Conversation c, String input) {
        String code = input.replaceAll("\\s", "");
        if (!code.matches("\\d{6}") || c.bindPhone == null) {
            return Mono.just(Reply.say("请回复短信中的6位验证码，或回复“重新开始”。"));
        }
        return verifications.confirm(c.bindPhone, code)
                .flatMap(phone -> bindings.bind(id, phone, clock.instant()).thenReturn(phone))
                .map(phone -> {
                    c.reset();
                    return Reply.say("绑定成功！现在可以预约了。\n" + Texts.help(ChannelKind.WECHAT)
                            .replace("绑定 手机号 — 首次使用请先绑定手机号\n", ""));
                });
    }

    private Mono<Void> release(@Nullable String phone, Conversation c) {
        return phone == null ? Mono.empty() : dialog.release(phone, c);
    }

    private static String bindFirst() {
        return "请先绑定手机号：回复“绑定 手机号码”，例如：绑定 13800138000。我们会发送一条短信验证码。";
    }
}
