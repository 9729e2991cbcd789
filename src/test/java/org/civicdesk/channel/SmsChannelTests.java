package org.civicdesk.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.ResidentIds;
import org.civicdesk.booking.Scenario;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.civicdesk.sms.SmsStatus;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen books, looks up and cancels by SMS, the way Twilio delivers texts to us. */
@CivicDeskTest
class SmsChannelTests {

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

    @Autowired
    Sms sms;

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
    void aMarriageRegistrationIsBookedLookedUpAndCancelledByText() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 3, "09:00", "09:30");
        String phone = Fixtures.newPhone();

        assertThat(webhooks.sms(phone, "预约 结婚")).contains("结婚登记").contains("日期");
        String slots = webhooks.sms(phone, day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        assertThat(slots).contains("1. 09:00-09:30").contains("2. 09:30-10:00");
        assertThat(webhooks.sms(phone, "2")).contains("第一位当事人的姓名");
        assertThat(webhooks.sms(phone, "张三")).contains("身份证");
        assertThat(webhooks.sms(phone, "11010519900301001X")).contains("校验码不符").contains("身份证");
        assertThat(webhooks.sms(phone, ResidentIds.man(Scenario.ADULT))).contains("第二位当事人的姓名");
        assertThat(webhooks.sms(phone, "李四")).contains("身份证");
        assertThat(webhooks.sms(phone, ResidentIds.woman(Scenario.ADULT).toLowerCase())).contains("陪同人数");
        assertThat(webhooks.sms(phone, "1")).contains("健康申报");
        assertThat(webhooks.sms(phone, "无")).contains("请确认").contains("09点半".replace("09", "9")).contains("张三、李四");
        String done = webhooks.sms(phone, "1");
        assertThat(done).contains("预约成功");
        String code = code(done);

        bookings.find(phone, code).as(StepVerifier::create)
                .assertNext(booking -> {
                    assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
                    assertThat(booking.channel()).isEqualTo(Channel.SMS);
                    assertThat(booking.slotStart()).hasToString("09:30");
                    assertThat(booking.companions()).isEqualTo(1);
                })
                .verifyComplete();
        Scenario.awaitSms(phone, code.substring(0, 4) + " " + code.substring(4));

        assertThat(webhooks.sms(phone, "查询")).contains(code).contains("已确认");
        assertThat(webhooks.sms(phone, "取消 " + code)).contains("已取消预约 " + code);
        bookings.find(phone, code).as(StepVerifier::create)
                .assertNext(booking -> assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED))
                .verifyComplete();
        assertThat(webhooks.sms(phone, "STATUS")).contains("没有进行中的预约");
    }

    @Test
    void aFullDayOffersTheWaitlistAndAnotherCitizensBookingCannotBeCancelled() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.CREMATION, day, 1, "10:00");
        Scenario.Citizen first = scenario.citizen();
        scenario.booked(first, Scenario.funeral(ServiceCode.CREMATION, day, "10:00", first.phone(), false));

        String phone = Fixtures.newPhone();
        webhooks.sms(phone, "预约 火化");
        assertThat(webhooks.sms(phone, day.toString())).contains("没有可预约的时段").contains("候补");
        assertThat(webhooks.sms(phone, "候补")).contains("候补名单");

        // Someone else's booking is not this phone's to cancel.
        Scenario.Citizen someone = scenario.citizen();
        String theirs = (String) scenario.booked(someone, Scenario.funeral(ServiceCode.CREMATION, otherDay(day), "10:00",
                someone.phone(), false)).get("code");
        assertThat(webhooks.sms(phone, "取消 " + theirs)).contains("没有找到").doesNotContain("已取消预约");
        bookings.find(someone.phone(), theirs).as(StepVerifier::create)
                .assertNext(booking -> assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED)).verifyComplete();
    }

    @Test
    void englishKeywordsHelpAndResetWork() {
        String phone = Fixtures.newPhone();
        assertThat(webhooks.sms(phone, "HELP")).contains("BOOK").contains("预约 结婚");
        assertThat(webhooks.sms(phone, "BOOK")).contains("1 结婚登记");
        assertThat(webhooks.sms(phone, "2")).contains("告别仪式");
        assertThat(webhooks.sms(phone, "RESET")).contains("已重新开始");
        assertThat(webhooks.sms(phone, "随便说点什么")).contains("没有看懂");
    }

    @Test
    void stopOptsOutOfNonEssentialMessagesAndStartOptsBackIn() {
        String phone = Fixtures.newPhone();
        assertThat(webhooks.sms(phone, "退订")).contains("已退订");
        sms.isOptedOut(phone).as(StepVerifier::create).expectNext(true).verifyComplete();
        long notice = sms.send(new SmsRequest(phone, "一条非必要通知", SmsPurpose.NOTICE, null, false, false)).block();
        sms.find(notice).as(StepVerifier::create)
                .assertNext(record -> assertThat(record.status()).isEqualTo(SmsStatus.SUPPRESSED))
                .verifyComplete();
        assertThat(webhooks.sms(phone, "START")).contains("恢复");
        sms.isOptedOut(phone).as(StepVerifier::create).expectNext(false).verifyComplete();
    }

    @Test
    void aForgedOrUnsignedTextIsRefusedAndChangesNothing() {
        String phone = Fixtures.newPhone();
        Map<String, String> params = Map.of("MessageSid", "SMforged0001", "From", phone, "To", FakeTwilio.FROM, "Body", "退订");
        webhooks.twilio("/channels/twilio/sms", params, Webhooks.sign("http://localhost:" + port + "/channels/twilio/sms",
                        params, "not-the-auth-token"))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/invalid-signature");
        webhooks.twilio("/channels/twilio/sms", params, "")
                .expectStatus().isForbidden();
        // Signed for another URL: a request captured elsewhere does not work here.
        webhooks.twilio("/channels/twilio/sms", params, Webhooks.sign("https://elsewhere.example/channels/twilio/sms",
                params, FakeTwilio.AUTH_TOKEN)).expectStatus().isForbidden();
        sms.isOptedOut(phone).as(StepVerifier::create).expectNext(false).verifyComplete();
    }

    @Test
    void aReplayedTextTakesEffectOnce() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.BODY_TRANSPORT, day, 2, "08:00");
        Scenario.Citizen citizen = scenario.citizen();
        String code = (String) scenario.booked(citizen, Scenario.funeral(ServiceCode.BODY_TRANSPORT, day, "08:00", citizen.phone(), false))
                .get("code");
        Map<String, String> params = Map.of("MessageSid", "SMreplay" + System.nanoTime(), "From", citizen.phone(),
                "To", FakeTwilio.FROM, "Body", "取消 " + code);
        String first = webhooks.twilio("/channels/twilio/sms", params).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String again = webhooks.twilio("/channels/twilio/sms", params).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first).contains("已取消预约");
        Scenario.awaitSms(citizen.phone(), "已取消");
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(800)).atMost(java.time.Duration.ofSeconds(3))
                .until(() -> TestServices.get().twilio().messagesTo(citizen.phone()).stream()
                        .filter(m -> m.body().contains("已取消")).count() == 1);
    }

    @Test
    void deliveryStatusesAreRecordedFromSignedCallbacksOnly() {
        String phone = Fixtures.newPhone();
        long id = sms.send(SmsRequest.of(phone, "状态回调测试", SmsPurpose.BOOKING, null)).block();
        FakeTwilio.Sms sent = Scenario.awaitSms(phone, "状态回调测试");
        webhooks.twilio("/channels/twilio/sms/status", Map.of("MessageSid", sent.sid(), "MessageStatus", "delivered",
                        "To", phone, "From", FakeTwilio.FROM, "AccountSid", FakeTwilio.ACCOUNT_SID))
                .expectStatus().isNoContent();
        sms.find(id).as(StepVerifier::create)
                .assertNext(record -> assertThat(record.status()).isEqualTo(SmsStatus.DELIVERED)).verifyComplete();

        long other = sms.send(SmsRequest.of(Fixtures.newPhone(), "另一条", SmsPurpose.BOOKING, null)).block();
        webhooks.twilio("/channels/twilio/sms/status", Map.of("MessageSid", sent.sid(), "MessageStatus", "failed",
                "ErrorCode", "30003"), "forged").expectStatus().isForbidden();
        sms.find(id).as(StepVerifier::create)
                .assertNext(record -> assertThat(record.status()).isEqualTo(SmsStatus.DELIVERED)).verifyComplete();
        assertThat(other).isPositive();
    }

    private LocalDate otherDay(LocalDate besides) {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.CREMATION, day, 1, "10:00");
        return day;
    }

    static String code(String reply) {
        Matcher matcher = Pattern.compile("预约号 (\\d{4}) (\\d{4})").matcher(reply);
        assertThat(matcher.find()).as(reply).isTrue();
        return matcher.group(1) + matcher.group(2);
    }
}
