package org.civicdesk.broadcast.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.civicdesk.broadcast.Notice;
import org.springframework.stereotype.Component;

/** The public notices as an Atom feed (RFC 4287), newest first, each linking to its CAP alert. */
@Component
class AtomWriter {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
    private final CapWriter cap;
    private final BroadcastSettings settings;

    AtomWriter(CapWriter cap, BroadcastSettings settings) {
        this.cap = cap;
        this.settings = settings;
    }

    /** @param base the service's URL, such as {@code https://civicdesk.example.org} */
    String write(List<Notice> notices, String base, Instant now) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            CapWriter.element(xml, "id", "tag:civicdesk.org,2022:notices");
            CapWriter.element(xml, "title", settings.senderName() + " · 公开通知");
            CapWriter.element(xml, "updated", cap.time(notices.isEmpty() ? now : notices.get(0).issuedAt()));
            xml.writeStartElement("author");
            CapWriter.element(xml, "name", settings.senderName());
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", base + "/api/v1/notices/feed");
            for (Notice notice : notices) {
                xml.writeStartElement("entry");
                CapWriter.element(xml, "id", "tag:civicdesk.org,2022:notice:" + notice.id());
                CapWriter.element(xml, "title", notice.title());
                CapWriter.element(xml, "published", cap.time(notice.issuedAt()));
                CapWriter.element(xml, "updated", cap.time(notice.issuedAt()));
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
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("The Atom feed could not be written", ex);
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
