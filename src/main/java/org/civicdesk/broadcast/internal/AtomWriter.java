package org.civicdesk.broadcast.internal;

import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.civicdesk.broadcast.Notice;
import org.springframework.stereotype.Component;

import static org.civicdesk.broadcast.internal.XmlDocuments.element;

/** The public notices as an Atom feed (RFC 4287), newest first, each linking to its CAP alert. */
@Component
class AtomWriter {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private final CapWriter cap;
    private final BroadcastSettings settings;

    AtomWriter(CapWriter cap, BroadcastSettings settings) {
        this.cap = cap;
        this.settings = settings;
    }

    /** @param base the service's URL, such as {@code https://civicdesk.example.org} */
    String write(List<Notice> notices, String base, Instant now) {
        return XmlDocuments.write("feed", NAMESPACE, xml -> {
            element(xml, "id", "tag:civicdesk.org,2022:notices");
            element(xml, "title", settings.senderName() + " · 公开通知");
            element(xml, "updated", cap.time(notices.isEmpty() ? now : notices.get(0).issuedAt()));
            xml.writeStartElement("author");
            element(xml, "name", settings.senderName());
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", base + "/api/v1/notices/feed");
            for (Notice notice : notices) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:civicdesk.org,2022:notice:" + notice.id());
                element(xml, "title", notice.title());
                element(xml, "published", cap.time(notice.issuedAt()));
                element(xml, "updated", cap.time(notice.issuedAt()));
                xml.writeStartElement("category");
                xml.writeAttribute("term", notice.severity().name());
                xml.writeEndElement();
                link(xml, "alternate", "application/cap+xml", base + "/api/v1/notices/" + notice.id() + "/cap");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(notice.body());
                xml.writeEndElement();
                xml.writeEndElement();
            }
        });
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
