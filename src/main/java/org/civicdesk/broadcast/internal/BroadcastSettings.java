package org.civicdesk.broadcast.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices are delivered, escalated and described.
 *
 * @param pollInterval            how often an instance looks for deliveries and escalations due
 * @param batchSize               delivery rows (or escalations) one instance claims at a time
 * @param claimLease              how long claimed rows stay with the instance that claimed them;
 *                                after that another instance delivers them (it stopped or died)
 * @param riskNoticeAckDeadline   the time units have to acknowledge a risk-level notice
 * @param riskCatchUp             how far back risk-level changes are checked for a notice that an
 *                                instance stopping at the wrong moment failed to issue
 * @param districtName            the area CAP alerts name
 * @param senderName              who the notices are from, in CAP and the Atom feed
 * @param capSender               the CAP {@code sender}: an identifier of the bureau
 * @param smsSignature            what SMS to duty contacts begin with
 * @param feedSize                notices in the Atom feed
 */
@ConfigurationProperties("civicdesk.broadcast")
record BroadcastSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("60m") Duration riskNoticeAckDeadline,
        @DefaultValue("24h") Duration riskCatchUp,
        @DefaultValue("鄂尔多斯市东胜区") String districtName,
        @DefaultValue("东胜区民政局疫情防控指挥小组") String senderName,
        @DefaultValue("mzj@dongsheng.ordos.gov.cn") String capSender,
        @DefaultValue("【东胜区民政局】") String smsSignature,
        @DefaultValue("50") int feedSize) {
}
