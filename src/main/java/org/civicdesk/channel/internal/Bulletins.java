package org.civicdesk.channel.internal;

import java.util.List;

import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.Notices;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The latest public notices, short enough for a text or to be read out on a call. */
@Component
class Bulletins {

    private static final int COUNT = 3;

    private final Notices notices;

    Bulletins(Notices notices) {
        this.notices = notices;
    }

    Mono<String> latest(boolean spoken) {
        return notices.latestPublic(COUNT).collectList().map(list -> render(list, spoken));
    }

    static String render(List<Notice> list, boolean spoken) {
        if (list.isEmpty()) {
            return "目前没有新的公开通知。";
        }
        StringBuilder out = new StringBuilder("最新通知：");
        for (int i = 0; i < list.size(); i++) {
            Notice notice = list.get(i);
            out.append(spoken ? "第" + (i + 1) + "条，" : "\n" + (i + 1) + ". ")
                    .append(notice.title()).append(spoken ? "。" : "（" + notice.issuedAt().toString().substring(0, 10) + "）")
                    .append(spoken ? summary(notice.body(), 80) : "\n" + summary(notice.body(), 120));
        }
        return out.toString();
    }

    /** The body without Markdown marks, cut at a length. */
    static String summary(String markdown, int length) {
        String plain = markdown.replaceAll("(?m)^#+\\s*", "").replaceAll("[*_`>#\\[\\]]", "").replaceAll("\\(http[^)]*\\)", "")
                .replaceAll("\\s+", " ").strip();
        return plain.length() <= length ? plain : plain.substring(0, length) + "…";
    }
}
