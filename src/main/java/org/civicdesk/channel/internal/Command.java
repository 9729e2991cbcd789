package org.civicdesk.channel.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * A command read from free text, Chinese first with English keywords too: {@code 预约 结婚} /
 * {@code BOOK}, {@code 查询} / {@code STATUS}, {@code 取消 12345678} / {@code CANCEL 12345678},
 * {@code 通知}, {@code 帮助} / {@code HELP}, {@code 退订} / {@code STOP}, {@code 订阅} / {@code START},
 * {@code 绑定 手机号}, {@code 重新开始} / {@code RESET}.
 *
 * @param kind     what is asked
 * @param service  for BOOK: the service named, if any ({@code null} for "a funeral service")
 * @param funeral  for BOOK: whether a funeral service was asked for without saying which
 * @param argument for CANCEL the code, for BIND the phone
 */
record Command(Kind kind, @Nullable ServiceCode service, boolean funeral, @Nullable String argument) {

    enum Kind {
        BOOK, STATUS, CANCEL, NOTICES, HELP, STOP, START, BIND, RESET, NONE
    }

    private static final Pattern CANCEL = Pattern.compile("^(?:取消|cancel)\\s*[:：]?\\s*(\\d[\\d\\s-]{6,12}\\d)$");
    private static final Pattern BIND = Pattern.compile("^(?:绑定|bind)\\s*[:：]?\\s*(\\+?[\\d\\s-]{7,20})$");

    static Command parse(String raw) {
        String text = raw.strip().replace('　', ' ');
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher cancel = CANCEL.matcher(lower);
        if (cancel.matches()) {
            return new Command(Kind.CANCEL, null, false, cancel.group(1).replaceAll("[\\s-]", ""));
        }
        Matcher bind = BIND.matcher(lower);
        if (bind.matches()) {
            return new Command(Kind.BIND, null, false, bind.group(1).replaceAll("[\\s-]", ""));
        }
        if (lower.startsWith("预约") || lower.startsWith("book") || lower.startsWith("办理")) {
            return book(lower);
        }
        return switch (lower) {
            case "查询", "我的预约", "查询预约", "status", "my bookings" -> simple(Kind.STATUS);
            case "通知", "公告", "最新通知", "notices", "news" -> simple(Kind.NOTICES);
            case "帮助", "菜单", "?", "？", "help", "menu" -> simple(Kind.HELP);
            case "退订", "td", "stop", "unsubscribe", "stopall" -> simple(Kind.STOP);
            case "订阅", "恢复", "start", "unstop", "subscribe" -> simple(Kind.START);
            case "重新开始", "退出", "结束", "reset", "quit" -> simple(Kind.RESET);
            case "取消", "cancel" -> simple(Kind.CANCEL);
            default -> simple(Kind.NONE);
        };
    }

    private static Command book(String lower) {
        if (lower.contains("结婚") || lower.contains("婚姻") || lower.contains("marriage") || lower.contains("wedding")) {
            return new Command(Kind.BOOK, ServiceCode.MARRIAGE_REGISTRATION, false, null);
        }
        if (lower.contains("告别") || lower.contains("farewell")) {
            return new Command(Kind.BOOK, ServiceCode.FAREWELL_CEREMONY, false, null);
        }
        if (lower.contains("火化") || lower.contains("cremation")) {
            return new Command(Kind.BOOK, ServiceCode.CREMATION, false, null);
        }
        if (lower.contains("接运") || lower.contains("车辆") || lower.contains("灵车") || lower.contains("transport")) {
            return new Command(Kind.BOOK, ServiceCode.BODY_TRANSPORT, false, null);
        }
        boolean funeral = lower.contains("殡") || lower.contains("丧") || lower.contains("funeral");
        return new Command(Kind.BOOK, null, funeral, null);
    }

    private static Command simple(Kind kind) {
        return new Command(kind, null, false, null);
    }
}
