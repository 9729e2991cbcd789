package org.civicdesk.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.ResidentIds;
import org.civicdesk.booking.Scenario;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An older relative books by phone: keypad and speech through Twilio's voice webhook, in Mandarin. */
@CivicDeskTest
class VoiceChannelTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    Bookings bookings;

    @LocalServerPort
    int port;

    Scenario scenario;
    Webhooks webhooks;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
        webhooks = new Webhooks(web, port);
    }

    @Test
    void aCremationIsBookedByKeypadAndSpeechAndTheCodeComesBySms() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.CREMATION, day, 2, "09:00", "14:00");
        String phone = Fixtures.newPhone();
        String call = "CA" + System.nanoTime();

        String menu = webhooks.voice(call, phone, null, null);
        assertThat(menu).contains("<Gather").contains("input=\"dtmf speech\"").contains("numDigits=\"1\"")
                .contains("<Say language=\"cmn-CN\">").contains("<Redirect");
        assertThat(Webhooks.spoken(menu)).contains("结婚登记请按1").contains("人工服务请按0");

        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "2", null))).contains("火化请按2");
        String askDate = webhooks.voice(call, phone, "2", null);
        assertThat(Webhooks.spoken(askDate)).contains("四位数字");
        assertThat(askDate).contains("finishOnKey=\"#\"");
        String mmdd = String.format("%02d%02d", day.getMonthValue(), day.getDayOfMonth());
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, mmdd, null))).contains("第1个，9点").contains("第2个，14点");
        String name = webhooks.voice(call, phone, "2", null);
        assertThat(Webhooks.spoken(name)).contains("逝者的姓名");
        assertThat(name).contains("input=\"speech dtmf\"");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, null, "王老先生"))).contains("传染病");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "2", null))).contains("您的姓名");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, null, "王五"))).contains("陪同人数");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "2", null))).contains("健康申报");
        String confirm = Webhooks.spoken(webhooks.voice(call, phone, "1", null));
        assertThat(confirm).contains("火化").contains("14点").contains("逝者 王老先生").contains("确认请按1");
        String done = webhooks.voice(call, phone, "1", null);
        assertThat(Webhooks.spoken(done)).contains("预约成功").contains("短信");
        assertThat(done).contains("<Hangup");

        var booking = bookings.findMine(phone).blockFirst();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.channel()).isEqualTo(Channel.PHONE);
        assertThat(booking.deceased().name()).isEqualTo("王老先生");
        assertThat(booking.companions()).isEqualTo(2);
        Scenario.awaitSms(phone, booking.code().substring(0, 4) + " " + booking.code().substring(4));
    }

    @Test
    void aMarriageIdNumberIsKeyedWithStarForX() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 2, "10:00");
        String phone = Fixtures.newPhone();
        String call = "CA" + System.nanoTime();
        webhooks.voice(call, phone, null, null);
        webhooks.voice(call, phone, "1", null);
        webhooks.voice(call, phone, String.format("%02d%02d", day.getMonthValue(), day.getDayOfMonth()), null);
        webhooks.voice(call, phone, "1", null);
        webhooks.voice(call, phone, null, "张三");
        String withX = idEndingInX();
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, withX.replace('X', '*'), null))).contains("第二位当事人的姓名");
        webhooks.voice(call, phone, null, "李四");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "110105200801010020", null))).contains("身份证");
    }

    @Test
    void noOrInvalidInputIsAskedAgainTwiceThenThePhoneSaysGoodbye() {
        String phone = Fixtures.newPhone();
        String call = "CA" + System.nanoTime();
        webhooks.voice(call, phone, null, null);
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "7", null))).contains("没有听清").contains("结婚登记请按1");
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, null, null))).contains("没有听清");
        String goodbye = webhooks.voice(call, phone, "9", null);
        assertThat(Webhooks.spoken(goodbye)).contains("再见");
        assertThat(goodbye).contains("<Hangup").doesNotContain("<Gather");
    }

    @Test
    void aRetriedWebhookDeliveryDoesNotPressTheKeyTwice() {
        String phone = Fixtures.newPhone();
        String call = "CA" + System.nanoTime();
        webhooks.voice(call, phone, null, null);
        String first = webhooks.voice(call, phone, "2", null, "retry-token-1");
        String retried = webhooks.voice(call, phone, "2", null, "retry-token-1");
        assertThat(retried).isEqualTo(first);
        assertThat(Webhooks.spoken(first)).contains("火化请按2");
        // The conversation is still at the funeral menu: the next "2" chooses cremation.
        assertThat(Webhooks.spoken(webhooks.voice(call, phone, "2", null))).contains("火化").contains("四位数字");
    }

    @Test
    void zeroPutsTheCallerThroughToTheDutyOfficer() {
        String call = "CA" + System.nanoTime();
        String phone = Fixtures.newPhone();
        webhooks.voice(call, phone, null, null);
        String dial = webhooks.voice(call, phone, "0", null);
        assertThat(dial).contains("<Dial>+8647712345678</Dial>");
    }

    @Test
    void aForgedCallIsRefused() {
        webhooks.twilio("/channels/twilio/voice", Map.of("CallSid", "CAforged", "From", Fixtures.newPhone(),
                "To", FakeTwilio.FROM), "bm90IGEgc2lnbmF0dXJl").expectStatus().isForbidden();
    }

    /** A valid adult's ID number whose check character is X. */
    private static String idEndingInX() {
        for (int i = 0; i < 1000; i++) {
            String id = ResidentIds.man(Scenario.ADULT);
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException("no ID ending in X");
    }
}
