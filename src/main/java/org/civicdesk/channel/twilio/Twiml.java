package org.civicdesk.channel.twilio;

import java.util.List;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import org.civicdesk.channel.internal.Reply;
import org.springframework.stereotype.Component;

/**
 * Replies as TwiML, written with the SDK's builders: a text in {@code <Message>}, speech in
 * Mandarin ({@code <Say language="cmn-CN">}) inside a {@code <Gather>} for keys or speech, with a
 * {@code <Redirect>} back to us when the caller says nothing. One reply is written at start-up,
 * since the XML writer is looked up from the class path on first use.
 */
@Component
class Twiml {

    static final String VOICE_PATH = "/channels/twilio/voice";

    Twiml() {
        message("warm-up");
        voice(Reply.say("warm-up"));
    }

    String message(String text) {
        return xml(new MessagingResponse.Builder().message(new Message.Builder(text).build()).build());
    }

    String empty() {
        return xml(new MessagingResponse.Builder().build());
    }

    String voice(Reply reply) {
        Say say = new Say.Builder(reply.text()).language(Say.Language.CMN_CN).build();
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        switch (reply.next()) {
            case END -> response.say(say).hangup(new Hangup.Builder().build());
            case DIAL -> response.say(say).dial(new Dial.Builder(reply.dial()).build());
            default -> response.gather(gather(reply.expect()).say(say).build())
                    .redirect(new Redirect.Builder(VOICE_PATH).method(HttpMethod.POST).build());
        }
        return xml(response.build());
    }

    private static Gather.Builder gather(Reply.Expect expect) {
        Gather.Builder gather = new Gather.Builder().action(VOICE_PATH).method(HttpMethod.POST).timeout(6)
                .language(Gather.Language.CMN_HANS_CN);
        return switch (expect) {
            case SPEECH -> gather.inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF)).speechTimeout("auto");
            case KEYS -> gather.inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH)).finishOnKey("#").timeout(10);
            default -> gather.inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH)).numDigits(1);
        };
    }

    private static String xml(com.twilio.twiml.TwiML twiml) {
        try {
            return twiml.toXml();
        }
        catch (TwiMLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
