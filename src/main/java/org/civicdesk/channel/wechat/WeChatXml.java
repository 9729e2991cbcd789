package org.civicdesk.channel.wechat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * WeChat's flat XML messages, read safely (no DOCTYPE, no external entities) and written with
 * CDATA around text. The parser factory is made at start-up: looking it up reads the class path.
 */
@Component
class WeChatXml {

    private final DocumentBuilderFactory factory;

    WeChatXml() throws ParserConfigurationException {
        factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        parse("<xml><Warm>up</Warm></xml>");
    }

    /** The top-level elements of {@code <xml>…</xml>} and their text. */
    Map<String, String> parse(String xml) {
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    fields.put(element.getTagName(), element.getTextContent().strip());
                }
            }
            return fields;
        }
        catch (ParserConfigurationException | SAXException | java.io.IOException ex) {
            throw new IllegalArgumentException("Not a WeChat XML message", ex);
        }
    }

    /** A passive text reply to the user. */
    static String text(String toUser, String fromAccount, long createTime, String content) {
        return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromAccount)
                + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType>" + cdata("text")
                + "</MsgType><Content>" + cdata(content) + "</Content></xml>";
    }

    /** The safe-mode envelope around an encrypted reply. */
    static String encrypted(String encrypt, String signature, String timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypt) + "</Encrypt><MsgSignature>" + cdata(signature)
                + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
