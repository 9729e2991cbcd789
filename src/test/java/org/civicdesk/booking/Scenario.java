package org.civicdesk.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import org.awaitility.Awaitility;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The setting booking and quota tests play in: generous service rules (so any day a test owns
 * can be booked), a day of its own for each test (the database is shared by the whole run),
 * slots opened through the staff API, citizens with tokens, and the bodies they send.
 */
public final class Scenario {

    /** Born long enough ago to marry, whoever they are. */
    public static final LocalDate ADULT = LocalDate.of(1990, 3, 1);

    private static final AtomicInteger DAYS = new AtomicInteger(20);
    private static final Set<MonthDay> HOT = Set.of(MonthDay.of(2, 14), MonthDay.of(5, 20), MonthDay.of(5, 21),
            MonthDay.of(9, 9), MonthDay.of(10, 10));

    private final WebTestClient web;
    private final Fixtures fixtures;
    private final JwtEncoder encoder;
    private final Clock clock;

    public Scenario(WebTestClient web, Fixtures fixtures, JwtEncoder encoder, Clock clock) {
        this.web = web;
        this.fixtures = fixtures;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A citizen with a verified phone. */
    public record Citizen(String phone, String token) {
    }

    public String admin() {
        return fixtures.admin(web);
    }

    public String registry() {
        return fixtures.token(web, "test-registry", StaffRole.REGISTRY_STAFF);
    }

    public String funeral() {
        return fixtures.token(web, "test-funeral", StaffRole.FUNERAL_STAFF);
    }

    public Citizen citizen() {
        String phone = Fixtures.newPhone();
        return new Citizen(phone, CitizenTokens.mint(encoder, phone));
    }

    /** Any day up to a year ahead can be booked, with no notice and nothing held back. */
    public void generousRules() {
        for (ServiceCode service : ServiceCode.values()) {
            rules(service, 0, 365, "00:00", 0, "18:00");
        }
    }

    public void rules(ServiceCode service, int minNoticeMinutes, int maxDaysAhead, String releaseTime, double reserveShare,
            String reserveCutoff) {
        web.put().uri("/api/v1/staff/quotas/{s}/rules", service).header("Authorization", "Bearer " + admin())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("minNoticeMinutes", minNoticeMinutes, "maxDaysAhead", maxDaysAhead,
                        "releaseTime", releaseTime, "reserveShare", reserveShare, "reserveCutoff", reserveCutoff))
                .exchange().expectStatus().isOk();
    }

    /** A day no other test uses, weeks ahead, never a hot date. */
    public LocalDate freshDay() {
        return freshDay(clock);
    }

    /** A day no other test uses, weeks ahead of the clock's today, never a hot date. */
    public static LocalDate freshDay(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        while (true) {
            LocalDate day = today.plusDays(DAYS.incrementAndGet());
            if (!HOT.contains(MonthDay.from(day)) && !day.equals(qixi(day.getYear()))) {
                return day;
            }
        }
    }

    static LocalDate qixi(int year) {
        Solar solar = Lunar.fromYmd(year, 7, 7).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    /** Opens half-hour slots starting at the given times, each with this capacity and nothing held back. */
    public void open(ServiceCode service, LocalDate date, int capacity, String... starts) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (String start : starts) {
            slots.add(slot(start, capacity, 0));
        }
        put(service, date, Map.of("slots", slots)).expectStatus().isOk();
    }

    public static Map<String, Object> slot(String start, int capacity, int reserved) {
        LocalTime from = LocalTime.parse(start);
        return Map.of("start", start, "end", from.plusMinutes(30).toString(), "capacity", capacity, "reserved", reserved);
    }

    public WebTestClient.ResponseSpec put(ServiceCode service, LocalDate date, Map<String, Object> body) {
        return web.put().uri("/api/v1/staff/quotas/{s}/{d}", service, date).header("Authorization", "Bearer " + admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A marriage registration request for two new adults. */
    public static Map<String, Object> couple(LocalDate date, String start) {
        return marriage(date, start, ResidentIds.man(ADULT), ResidentIds.woman(ADULT));
    }

    public static Map<String, Object> marriage(LocalDate date, String start, String idA, String idB) {
        Map<String, Object> body = new HashMap<>();
        body.put("service", "MARRIAGE_REGISTRATION");
        body.put("date", date.toString());
        body.put("slotStart", start);
        body.put("parties", List.of(Map.of("name", "张三", "idNumber", idA), Map.of("name", "李四", "idNumber", idB)));
        body.put("companions", 1);
        body.put("channel", "WEB");
        return body;
    }

    public static Map<String, Object> funeral(ServiceCode service, LocalDate date, String start, String applicantPhone,
            boolean specialHandling) {
        Map<String, Object> body = new HashMap<>();
        body.put("service", service.name());
        body.put("date", date.toString());
        body.put("slotStart", start);
        body.put("applicant", Map.of("name", "王五", "phone", applicantPhone));
        body.put("deceased", Map.of("name", "王老先生", "specialHandling", specialHandling));
        body.put("companions", 2);
        return body;
    }

    public WebTestClient.ResponseSpec book(Citizen citizen, Map<String, Object> body) {
        return book(citizen, body, UUID.randomUUID().toString());
    }

    public WebTestClient.ResponseSpec book(Citizen citizen, Map<String, Object> body, String key) {
        return web.post().uri("/api/v1/bookings").header("Authorization", "Bearer " + citizen.token())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Books and returns the booking, failing the test unless it was created. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> booked(Citizen citizen, Map<String, Object> body) {
        return book(citizen, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    public WebTestClient.RequestHeadersSpec<?> as(Citizen citizen, WebTestClient.RequestHeadersSpec<?> request) {
        return request.header("Authorization", "Bearer " + citizen.token());
    }

    /** Waits until a phone has received a message containing the text, and returns it. */
    public static FakeTwilio.Sms awaitSms(String phone, String containing) {
        FakeTwilio twilio = TestServices.get().twilio();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> twilio.messagesTo(phone).stream().anyMatch(m -> m.body().contains(containing)));
        return twilio.messagesTo(phone).stream().filter(m -> m.body().contains(containing)).findFirst().orElseThrow();
    }

    /** The seats left in one slot, as the public availability shows them. */
    @SuppressWarnings("unchecked")
    public int remaining(ServiceCode service, LocalDate date, String start) {
        Map<String, Object> body = web.get().uri("/api/v1/availability?service={s}&from={d}&to={d}", service, date, date)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> days = (List<Map<String, Object>>) body.get("days");
        List<Map<String, Object>> slots = (List<Map<String, Object>>) days.get(0).get("slots");
        return slots.stream().filter(s -> LocalTime.parse((String) s.get("start")).equals(LocalTime.parse(start)))
                .map(s -> ((Number) s.get("remaining")).intValue()).findFirst().orElseThrow();
    }

    public WebTestClient web() {
        return web;
    }
}
