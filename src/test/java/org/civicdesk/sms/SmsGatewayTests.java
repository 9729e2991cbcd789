package org.civicdesk.sms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SMS goes through the real Twilio SDK to the (fake) Twilio API and is recorded. */
@CivicDeskTest
class SmsGatewayTests {

    @Autowired
    Sms sms;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @AfterEach
    void resetTwilio() {
        twilio.reset();
    }

    @Test
    void aMessageReachesTwilioAndItsAnswerIsRecorded() {
        String phone = Fixtures.newPhone();
        long id = send(SmsRequest.of(phone, "您的预约已确认。", SmsPurpose.BOOKING, null));
        FakeTwilio.Sms received = awaitMessages(phone, 1).get(0);
        assertThat(received.body()).isEqualTo("您的预约已确认。");
        assertThat(received.from()).isEqualTo(FakeTwilio.FROM);
        awaitStatus(id, SmsStatus.QUEUED);
        assertThat(column(id, "twilio_sid")).isEqualTo(received.sid());
    }

    @Test
    void theSameIdempotencyKeySendsOnce() {
        String phone = Fixtures.newPhone();
        String key = "notice:1:" + phone;
        long first = send(SmsRequest.of(phone, "通知一", SmsPurpose.NOTICE, key));
        long second = send(SmsRequest.of(phone, "通知一", SmsPurpose.NOTICE, key));
        assertThat(second).isEqualTo(first);
        awaitStatus(first, SmsStatus.QUEUED);
        Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> twilio.messagesTo(phone).size() == 1);
    }

    @Test
    void aTransientFailureIsRetriedUntilTwilioTakesIt() {
        String phone = Fixtures.newPhone();
        twilio.failNext(phone, 2, 429, 20429);
        long id = send(SmsRequest.of(phone, "重试消息", SmsPurpose.BOOKING, null));
        awaitStatus(id, SmsStatus.QUEUED);
        assertThat(twilio.messagesTo(phone)).hasSize(1);
        assertThat(column(id, "attempts")).isEqualTo("3");
    }

    @Test
    void aMessageTwilioTookIsNeverSentAgainWhenRecordingItFails() {
        String phone = Fixtures.newPhone();
        // Another message already holds the SID Twilio will give this one: recording it fails.
        execute("insert into sms_messages (to_phone, body, purpose, status, twilio_sid) values ('+8613900000000', 'x', 'OTHER', 'SENT', '"
                + twilio.nextSid() + "')");
        send(SmsRequest.of(phone, "只发一次", SmsPurpose.BOOKING, null));
        awaitMessages(phone, 1);
        // Retries come after 200 ms here: none of them sends it again.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> twilio.messagesTo(phone).size() == 1);
    }

    @Test
    void aPermanentFailureIsNotRetriedAndStaffSeeWhy() {
        String phone = Fixtures.newPhone();
        twilio.failAlwaysFor(phone, 400, 21211);
        long id = send(SmsRequest.of(phone, "无效号码", SmsPurpose.BOOKING, null));
        awaitStatus(id, SmsStatus.FAILED);
        sms.find(id).as(StepVerifier::create)
                .assertNext(record -> {
                    assertThat(record.errorCode()).isEqualTo(21211);
                    assertThat(record.attempts()).isEqualTo(1);
                    assertThat(record.to()).contains("****");
                })
                .verifyComplete();
    }

    @Test
    void statusCallbacksMoveAMessageForwardNeverBack() {
        String phone = Fixtures.newPhone();
        long id = send(SmsRequest.of(phone, "状态回调", SmsPurpose.BOOKING, null));
        awaitStatus(id, SmsStatus.QUEUED);
        String sid = awaitMessages(phone, 1).get(0).sid();
        sms.recordStatus(sid, "delivered", null).as(StepVerifier::create).verifyComplete();
        sms.recordStatus(sid, "sent", null).as(StepVerifier::create).verifyComplete();
        assertThat(status(id)).isEqualTo(SmsStatus.DELIVERED);
    }

    @Test
    void aMessageUndeliveredForAPassingReasonIsSentAgain() {
        String phone = Fixtures.newPhone();
        long id = send(SmsRequest.of(phone, "队列溢出", SmsPurpose.BOOKING, null));
        awaitStatus(id, SmsStatus.QUEUED);
        String sid = awaitMessages(phone, 1).get(0).sid();
        sms.recordStatus(sid, "undelivered", 30001).as(StepVerifier::create).verifyComplete();
        awaitMessages(phone, 2);
        awaitStatus(id, SmsStatus.QUEUED);
    }

    @Test
    void someoneWhoOptedOutGetsOnlyEssentialMessages() {
        String phone = Fixtures.newPhone();
        sms.optOut(phone).as(StepVerifier::create).verifyComplete();
        long notice = send(new SmsRequest(phone, "非必要通知", SmsPurpose.NOTICE, null, false, false));
        long booking = send(SmsRequest.of(phone, "预约确认", SmsPurpose.BOOKING, null));
        awaitStatus(booking, SmsStatus.QUEUED);
        assertThat(status(notice)).isEqualTo(SmsStatus.SUPPRESSED);
        assertThat(twilio.messagesTo(phone)).extracting(FakeTwilio.Sms::body).containsExactly("预约确认");

        sms.optIn(phone).as(StepVerifier::create).verifyComplete();
        long again = send(new SmsRequest(phone, "再次通知", SmsPurpose.NOTICE, null, false, false));
        awaitStatus(again, SmsStatus.QUEUED);
    }

    @Test
    void aSecretIsBlankedInTheLogOnceSent() {
        String phone = Fixtures.newPhone();
        long id = send(new SmsRequest(phone, "验证码 123456", SmsPurpose.VERIFICATION, null, true, true));
        awaitStatus(id, SmsStatus.QUEUED);
        assertThat(twilio.messagesTo(phone).get(0).body()).isEqualTo("验证码 123456");
        assertThat(column(id, "body")).doesNotContain("123456");
        sms.find(id).as(StepVerifier::create)
                .assertNext(record -> assertThat(record.body()).doesNotContain("123456"))
                .verifyComplete();
    }

    private long send(SmsRequest request) {
        Long id = sms.send(request).block(Duration.ofSeconds(5));
        assertThat(id).isNotNull();
        return id;
    }

    private java.util.List<FakeTwilio.Sms> awaitMessages(String phone, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twilio.messagesTo(phone).size() >= count);
        return twilio.messagesTo(phone);
    }

    private void awaitStatus(long id, SmsStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == status);
    }

    private SmsStatus status(long id) {
        return SmsStatus.valueOf(column(id, "status"));
    }

    private static void execute(String sql) {
        try (Connection connection = TestServices.get().jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String column(long id, String column) {
        try (Connection connection = TestServices.get().jdbc();
                PreparedStatement statement = connection.prepareStatement("select " + column + " from sms_messages where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
