package org.civicdesk.channel.internal;

import java.time.LocalDate;
import java.util.List;

import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.NumberedSlot;
import org.civicdesk.quota.ServiceCode;

/** What the conversations say, in Chinese; a call's wording speaks of keys, a text's of replies. */
final class Texts {

    private Texts() {
    }

    static String help(ChannelKind kind) {
        String bind = kind == ChannelKind.WECHAT ? "绑定 手机号 — 首次使用请先绑定手机号\n" : "";
        return "民政通预约服务：\n" + bind
                + "预约 结婚 — 预约结婚登记\n预约 殡葬 — 预约告别仪式、火化或遗体接运\n查询 — 查看我的预约\n取消 预约号 — 取消预约\n"
                + "通知 — 最新通知\n退订 — 不再接收非必要短信（订阅 恢复）\n重新开始 — 放弃当前操作\n"
                + "English: BOOK, STATUS, CANCEL <code>, NOTICES, HELP, STOP, START.";
    }

    static String welcome() {
        return "欢迎关注民政通！您可以在这里预约结婚登记和殡葬服务、查询和取消预约、查看最新通知。\n" + help(ChannelKind.WECHAT);
    }

    static String menu(ChannelKind kind) {
        if (kind == ChannelKind.VOICE) {
            return "您好，这里是民政通预约服务。预约结婚登记请按1，预约殡葬服务请按2，收听最新通知请按3，人工服务请按0。";
        }
        return "请选择要预约的服务：回复 1 结婚登记，回复 2 殡葬服务。";
    }

    static String funeralMenu(ChannelKind kind) {
        return kind == ChannelKind.VOICE ? "告别仪式请按1，火化请按2，遗体接运请按3。"
                : "请选择殡葬服务：回复 1 告别仪式，2 火化，3 遗体接运。";
    }

    static String askDate(ChannelKind kind, ServiceCode service) {
        return kind == ChannelKind.VOICE
                ? "您预约的是" + name(service) + "。请用四位数字输入日期，月在前日在后，例如五月二十日请按0520，然后按井号键。"
                : "您预约的是" + name(service) + "。请回复预约日期，例如：5月20日、0520 或 明天。";
    }

    static String slots(ChannelKind kind, LocalDate date, List<NumberedSlot> slots) {
        StringBuilder out = new StringBuilder(day(date)).append(kind == ChannelKind.VOICE ? "可预约的时段有：" : "可预约的时段：\n");
        for (NumberedSlot slot : slots) {
            if (kind == ChannelKind.VOICE) {
                out.append("第").append(slot.number()).append("个，").append(time(slot.start().toString())).append("，请按")
                        .append(slot.number()).append("。");
            }
            else {
                out.append(slot.number()).append(". ").append(slot.start()).append("-").append(slot.end())
                        .append("（余").append(slot.remaining()).append("）\n");
            }
        }
        return out.append(kind == ChannelKind.VOICE ? "" : "请回复时段编号。").toString();
    }

    static String noSlots(ChannelKind kind, LocalDate date) {
        return day(date) + "没有可预约的时段（未开放、已约满或不在预约期内）。"
                + (kind == ChannelKind.VOICE ? "请换一个日期，用四位数字输入，然后按井号键。" : "请回复其他日期，或回复“候补”加入当天候补名单。");
    }

    static String askPartyName(ChannelKind kind, int index) {
        String who = index == 0 ? "第一位" : "第二位";
        return kind == ChannelKind.VOICE ? "请说出" + who + "当事人的姓名。" : "请回复" + who + "当事人的姓名。";
    }

    static String askPartyId(ChannelKind kind, int index) {
        String who = index == 0 ? "第一位" : "第二位";
        return kind == ChannelKind.VOICE ? "请输入" + who + "当事人的18位身份证号码，字母X请按星号键，输完按井号键。"
                : "请回复" + who + "当事人的18位身份证号码。";
    }

    static String askDeceased(ChannelKind kind) {
        return kind == ChannelKind.VOICE ? "请说出逝者的姓名。" : "请回复逝者的姓名。";
    }

    static String askSpecial(ChannelKind kind) {
        return kind == ChannelKind.VOICE ? "逝者是否因传染病去世？是请按1，否请按2。"
                : "逝者是否因传染病去世（需特殊处理）？回复 1 是，2 否。";
    }

    static String askApplicant(ChannelKind kind) {
        return kind == ChannelKind.VOICE ? "请说出您的姓名。" : "请回复您（经办人）的姓名。";
    }

    static String askCompanions(ChannelKind kind, int max) {
        return (kind == ChannelKind.VOICE ? "请按键输入陪同人数，" : "请回复陪同人数（数字），") + "当前防疫要求最多" + max + "人，没有陪同请输入0。";
    }

    static String askDeclaration(ChannelKind kind) {
        return kind == ChannelKind.VOICE ? "健康申报：近14天内是否到过中高风险地区？没有请按1，到过请按2。"
                : "健康申报：近14天内到过哪些外地城市？没有请回复 1 或“无”，到过请回复地名（多个用顿号隔开）。";
    }

    static String confirm(ChannelKind kind, Conversation c) {
        StringBuilder out = new StringBuilder("请确认：").append(name(ServiceCode.valueOf(c.service))).append("，")
                .append(day(c.date)).append(" ");
        if (c.slotStart != null) {
            out.append(time(c.slotStart));
        }
        if (!c.parties.isEmpty()) {
            out.append("，当事人 ").append(String.join("、", c.parties.stream().map(Conversation.PartyInput::name).toList()));
        }
        if (c.deceasedName != null) {
            out.append("，逝者 ").append(c.deceasedName);
        }
        out.append("，陪同 ").append(c.companions).append(" 人。");
        return out.append(kind == ChannelKind.VOICE ? "确认请按1，取消请按2。" : "回复 1 确认，2 取消。").toString();
    }

    static String booked(ChannelKind kind, Booking booking) {
        String code = booking.code();
        String spoken = String.join("，", code.split(""));
        return kind == ChannelKind.VOICE
                ? "预约成功。您的预约号是：" + spoken + "。预约号已通过短信发送给您。请按时到" + booking.office() + "办理。再见。"
                : "预约成功！预约号 " + code.substring(0, 4) + " " + code.substring(4) + "，" + booking.serviceName() + "，"
                        + day(booking.date()) + " " + booking.slotStart() + "-" + booking.slotEnd() + "，地点：" + booking.office()
                        + "。取消请回复“取消 " + code + "”。";
    }

    static String bookingLine(Booking booking) {
        return booking.code() + " " + booking.serviceName() + " " + day(booking.date()) + " " + booking.slotStart() + " "
                + status(booking.status());
    }

    static String status(BookingStatus status) {
        return switch (status) {
            case HELD -> "待确认";
            case CONFIRMED -> "已确认";
            case CHECKED_IN -> "已签到";
            case CANCELLED -> "已取消";
            case NO_SHOW -> "未到场";
            case EXPIRED -> "已过期";
        };
    }

    static String name(ServiceCode service) {
        return switch (service) {
            case MARRIAGE_REGISTRATION -> "结婚登记";
            case FAREWELL_CEREMONY -> "告别仪式";
            case CREMATION -> "火化";
            case BODY_TRANSPORT -> "遗体接运";
        };
    }

    static String day(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String time(String start) {
        String[] parts = start.split(":");
        int minute = Integer.parseInt(parts[1]);
        return Integer.parseInt(parts[0]) + "点" + (minute == 0 ? "" : minute == 30 ? "半" : minute + "分");
    }
}
