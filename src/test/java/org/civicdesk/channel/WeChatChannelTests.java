package org.civicdesk.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.ResidentIds;
import org.civicdesk.booking.Scenario;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeWeChat;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A follower of the official account binds a phone once, then books, looks up and cancels by chat. */
@CivicDeskTest
class WeChatChannelTests {

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
    void theServerUrlCheckEchoesOnlyForTheRightSignature() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        web.get().uri("/channels/wechat?signature={s}&timestamp={t}&nonce=n1&echostr=hello-wechat",
                        Webhooks.sha1(FakeWeChat.TOKEN, ts, "n1"), ts)
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("hello-wechat");
        web.get().uri("/channels/wechat?signature=0000&timestamp={t}&nonce=n1&echostr=hello-wechat", ts)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aNewFollowerIsWelcomed() {
        String reply = webhooks.wechat(Webhooks.eventXml("o-follower-" + System.nanoTime(), "subscribe"),
                Instant.now().getEpochSecond()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(Webhooks.content(reply)).contains("欢迎关注民政通").contains("绑定");
        assertThat(Webhooks.field(reply, "MsgType")).isEqualTo("text");
    }

    @Test
    void aFollowerBindsAPhoneAndBooksByChat() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 2, "11:00");
        String openId = "o-" + System.nanoTime();
        String phone = Fixtures.newPhone();

        assertThat(webhooks.wechatText(openId, "预约 结婚")).contains("请先绑定手机号");
        assertThat(webhooks.wechatText(openId, "绑定 " + phone.substring(3))).contains("验证码已发送");
        String code = Fixtures.awaitCode(phone, 0);
        assertThat(webhooks.wechatText(openId, code)).contains("绑定成功");

        webhooks.wechatText(openId, "预约 结婚");
        webhooks.wechatText(openId, day.toString());
        webhooks.wechatText(openId, "1");
        webhooks.wechatText(openId, "赵一");
        webhooks.wechatText(openId, ResidentIds.man(Scenario.ADULT));
        webhooks.wechatText(openId, "钱二");
        webhooks.wechatText(openId, ResidentIds.woman(Scenario.ADULT));
        assertThat(webhooks.wechatText(openId, "5")).contains("最多");
        webhooks.wechatText(openId, "0");
        webhooks.wechatText(openId, "1");
        String done = webhooks.wechatText(openId, "1");
        assertThat(done).contains("预约成功");
        String bookingCode = SmsChannelTests.code(done);

        var booking = bookings.find(phone, bookingCode).block();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.channel()).isEqualTo(Channel.WECHAT);
        assertThat(webhooks.wechatText(openId, "查询")).contains(bookingCode);
        assertThat(webhooks.wechatText(openId, "取消 " + bookingCode)).contains("已取消");
    }

    @Test
    void aRepeatedMessageIdTakesEffectOnceAndGetsTheSameReply() {
        String openId = "o-dup-" + System.nanoTime();
        long msgId = System.nanoTime();
        String xml = Webhooks.textXml(openId, "帮助", msgId);
        String first = webhooks.wechat(xml, Instant.now().getEpochSecond()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String again = webhooks.wechat(xml, Instant.now().getEpochSecond()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Webhooks.content(again)).isEqualTo(Webhooks.content(first)).contains("预约 结婚");
    }

    @Test
    void safeModeMessagesAreDecryptedAndAnsweredEncrypted() {
        String openId = "o-aes-" + System.nanoTime();
        String reply = webhooks.wechatEncrypted(Webhooks.textXml(openId, "帮助", System.nanoTime()))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String encrypted = Webhooks.field(reply, "Encrypt");
        String timestamp = Webhooks.field(reply, "TimeStamp");
        String nonce = Webhooks.field(reply, "Nonce");
        assertThat(Webhooks.field(reply, "MsgSignature")).isEqualTo(Webhooks.sha1(FakeWeChat.TOKEN, timestamp, nonce, encrypted));
        String inner = Webhooks.decrypt(encrypted);
        assertThat(Webhooks.field(inner, "ToUserName")).isEqualTo(openId);
        assertThat(Webhooks.content(inner)).contains("预约 结婚");
    }

    @Test
    void forgedTamperedOrStaleRequestsAreRefused() {
        String openId = "o-forged-" + System.nanoTime();
        web.post().uri("/channels/wechat?signature=deadbeef&timestamp={t}&nonce=x", Instant.now().getEpochSecond())
                .bodyValue(Webhooks.textXml(openId, "帮助", 1)).exchange().expectStatus().isForbidden();
        // Signed correctly, but an hour old: a replay.
        webhooks.wechat(Webhooks.textXml(openId, "帮助", 2), Instant.now().minusSeconds(3600).getEpochSecond())
                .expectStatus().isForbidden();
        String ts = Long.toString(Instant.now().getEpochSecond());
        String encrypted = Webhooks.encrypt(Webhooks.textXml(openId, "帮助", 3));
        web.post().uri(uri -> uri.path("/channels/wechat").queryParam("signature", Webhooks.sha1(FakeWeChat.TOKEN, ts, "n"))
                        .queryParam("timestamp", ts).queryParam("nonce", "n").queryParam("encrypt_type", "aes")
                        .queryParam("msg_signature", "0000").build())
                .bodyValue("<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>")
                .exchange().expectStatus().isForbidden();
    }
}
