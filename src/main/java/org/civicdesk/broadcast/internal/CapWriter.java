package org.civicdesk.broadcast.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeKind;
import org.civicdesk.platform.Platform;
import org.civicdesk.risk.Guideline;
import org.springframework.stereotype.Component;

/**
 * A notice as an OASIS CAP 1.2 alert, so that other warning systems can take it in: one
 * {@code info} block in Chinese, category Health, the district as area. Written with the JDK's
 * StAX writer, whose factory is made at start-up.
 */
@Component
class CapWriter {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
    private final BroadcastSettings settings;
    private final ZoneId zone;

    CapWriter(BroadcastSettings settings, Platform platform) {
        this.settings = settings;
        this.zone = platform.zone();
    }

    String time(Instant instant) {
        return CAP_TIME.format(instant.atZone(zone));
    }

    String write(Notice notice) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "identifier", "civicdesk-notice-" + notice.id());
            element(xml, "sender", settings.capSender());
            element(xml, "sent", time(notice.issuedAt()));
            element(xml, "status", "Actual");
            element(xml, "msgType", "Alert");
            element(xml, "scope", notice.isPublic() ? "Public" : "Restricted");
            if (!notice.isPublic()) {
                element(xml, "restriction", "仅限东胜区民政局所属单位");
            }
            xml.writeStartElement("info");
            element(xml, "language", "zh-CN");
            element(xml, "category", "Health");
            element(xml, "event", notice.kind() == NoticeKind.RISK_LEVEL ? "疫情风险等级调整" : "疫情防控通知");
            element(xml, "urgency", switch (notice.severity()) {
                case URGENT -> "Immediate";
                case WARNING -> "Expected";
                case INFO -> "Future";
            });
            element(xml, "severity", switch (notice.severity()) {
                case URGENT -> "Severe";
                case WARNING -> "Moderate";
                case INFO -> "Minor";
            });
            element(xml, "certainty", "Observed");
            element(xml, "senderName", settings.senderName());
            element(xml, "headline", notice.title());
            element(xml, "description", notice.body());
            element(xml, "instruction", instruction(notice));
            xml.writeStartElement("area");
            element(xml, "areaDesc", settings.districtName());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("CAP alert for notice " + notice.id() + " could not be written", ex);
        }
    }

    private static String instruction(Notice notice) {
        Guideline guideline = notice.guideline();
        StringBuilder text = new StringBuilder();
        if (guideline != null) {
            text.append("请按").append(guideline.title()).append("完善规程并采取相应措施：");
            for (int i = 0; i < guideline.procedures().size(); i++) {
                text.append('\n').append(i + 1).append(". ").append(guideline.procedures().get(i));
            }
        }
        else {
            text.append("请各单位按通知要求落实");
        }
        if (notice.requiresAck()) {
            text.append(guideline != null ? "\n" : "，").append("并在民政通签收。");
        }
        return text.toString();
    }

    static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
