package org.civicdesk.broadcast.internal;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes small XML documents (CAP alerts, the Atom feed) with the JDK's StAX writer: escaping is
 * its job, not ours. The factory is the JDK's own, made once, with no service lookup at run time.
 */
final class XmlDocuments {

    private static final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    private XmlDocuments() {
    }

    /** Writes the content of the root element. */
    @FunctionalInterface
    interface Content {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A UTF-8 document whose root element is in the given (default) namespace. */
    static String write(String root, String namespace, Content content) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(namespace);
            content.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write <" + root + ">", ex);
        }
    }

    static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
