package org.civicdesk.broadcast.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.civicdesk.broadcast.Severity;
import org.civicdesk.directory.UnitType;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskProfile;
import org.jspecify.annotations.Nullable;

/** The words of a RISK_LEVEL notice: what the new level applies and the guideline the unit follows. */
final class RiskNoticeText {

    private static final Map<String, String> SERVICES = Map.of(
            "MARRIAGE_REGISTRATION", "婚姻登记",
            "FAREWELL_CEREMONY", "告别仪式",
            "CREMATION", "火化",
            "BODY_TRANSPORT", "遗体接运");

    private RiskNoticeText() {
    }

    static Severity severity(RiskLevel level) {
        return switch (level) {
            case HIGH -> Severity.URGENT;
            case SPORADIC -> Severity.WARNING;
            case NORMAL -> Severity.INFO;
        };
    }

    static String title(String scope, RiskLevel level, @Nullable UnitType type) {
        return scope + "疫情风险等级调整为「" + level.label() + "」" + (type == null ? "" : "（" + type.label() + "）");
    }

    static String body(String scope, RiskLevel previous, RiskProfile profile, String reason, UnitType type,
            @Nullable Guideline guideline) {
        StringBuilder md = new StringBuilder()
                .append("**").append(scope).append("疫情风险等级调整为「").append(profile.level().label())
                .append("」**（原为「").append(previous.label()).append("」）\n\n")
                .append("调整原因：").append(reason).append("\n\n")
                .append("本等级下：\n\n");
        if (profile.appointmentOnly()) {
            md.append("- 办事实行预约制，不接待未预约人员\n");
        }
        md.append("- 每位办事群众陪同人员不超过 ").append(profile.maxCompanions()).append(" 人\n");
        if (!profile.suspendedServices().isEmpty()) {
            md.append("- 暂停服务：").append(profile.suspendedServices().stream().sorted()
                    .map(code -> SERVICES.getOrDefault(code, code)).collect(Collectors.joining("、"))).append('\n');
        }
        if (profile.elderlyCareVisitsSuspended()) {
            md.append("- 养老机构暂停探视（老人病重、病危、病故等特殊情况除外）\n");
        }
        if (guideline != null) {
            md.append('\n').append(type.label()).append("请按").append(guideline.title()).append("完善规程并采取相应措施：\n\n");
            for (int i = 0; i < guideline.procedures().size(); i++) {
                md.append(i + 1).append(". ").append(guideline.procedures().get(i)).append('\n');
            }
        }
        return md.append("\n请阅知后在民政通签收。").toString();
    }
}
