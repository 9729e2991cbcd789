package org.civicdesk.quota.internal;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The seat gate's Lua scripts. A day is one Redis hash: {@code ready}, the day cap {@code cap}
 * and count {@code b}, and per slot ({@code s:HHmm:}) its effective capacity {@code c}, held-back
 * seats {@code v}, bookings {@code b} and phone/counter bookings {@code r}. People holding a seat
 * are one hash per service ({@code personKey → code|yyyyMMdd}).
 */
final class SeatScripts {

    private SeatScripts() {
    }

    /**
     * Takes a seat all or nothing: idempotency key, slot and day counters, person locks. KEYS: day,
     * persons, idempotency, the day's idempotency scopes. ARGV: slot, share‰, hold-back active,
     * reserve channel, idempotency value, its TTL in ms ({@code 0}: none), holder value, today,
     * same-day move, "send the day's scopes with a full answer", person keys…. The scopes set holds
     * the idempotency keys (their Redis names) that took a seat on the day; a full answer carries
     * them (at most 4096; none beyond) when asked, so that the instance can answer the next
     * attempts on that slot itself without mistaking a retry for a new request.
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> TAKE = RedisScript.of("""
            local day, persons, idem, scopes = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
            if ARGV[6] ~= '0' then
              local prior = redis.call('GET', idem)
              if prior then return {'IDEM', prior} end
            end
            local function full(outcome)
              if ARGV[10] == '1' and redis.call('SCARD', scopes) <= 4096 then
                local answer = redis.call('SMEMBERS', scopes)
                table.insert(answer, 1, '+')
                table.insert(answer, 1, outcome)
                return answer
              end
              return {outcome}
            end
            if redis.call('HEXISTS', day, 'ready') == 0 then return {'NOT_READY'} end
            local s = 's:' .. ARGV[1] .. ':'
            local cap = redis.call('HGET', day, s .. 'c')
            if not cap then return {'NO_SLOT'} end
            local share = tonumber(ARGV[2])
            local released = math.floor(tonumber(cap) * share / 1000)
            local booked = tonumber(redis.call('HGET', day, s .. 'b') or '0')
            local limit = released
            if ARGV[3] == '1' and ARGV[4] == '0' then
              local reserved = math.min(tonumber(redis.call('HGET', day, s .. 'v') or '0'), released)
              local rbooked = tonumber(redis.call('HGET', day, s .. 'r') or '0')
              limit = released - math.max(reserved - rbooked, 0)
            end
            if booked >= limit then return full('SLOT_FULL') end
            if ARGV[9] == '0' then
              local dcap = tonumber(redis.call('HGET', day, 'cap') or '-1')
              if dcap >= 0 and tonumber(redis.call('HGET', day, 'b') or '0') >= math.floor(dcap * share / 1000) then
                return full('DAY_FULL')
              end
            end
            local holder = ARGV[7]
            local code = string.sub(holder, 1, string.find(holder, '|', 1, true) - 1)
            for i = 11, #ARGV do
              local held = redis.call('HGET', persons, ARGV[i])
              if held then
                local bar = string.find(held, '|', 1, true)
                if string.sub(held, 1, bar - 1) ~= code and string.sub(held, bar + 1) >= ARGV[8] then
                  return {'DUPLICATE'}
                end
              end
            end
            redis.call('HINCRBY', day, s .. 'b', 1)
            if ARGV[4] == '1' then redis.call('HINCRBY', day, s .. 'r', 1) end
            if ARGV[9] == '0' then redis.call('HINCRBY', day, 'b', 1) end
            for i = 11, #ARGV do redis.call('HSET', persons, ARGV[i], holder) end
            if ARGV[6] ~= '0' then
              redis.call('SET', idem, ARGV[5], 'PX', ARGV[6])
              redis.call('SADD', scopes, idem)
              redis.call('PEXPIRE', scopes, ARGV[6])
            end
            return {'OK'}
            """, List.class);

    /**
     * Gives a seat back (never below zero) and frees its people and idempotency key when they are
     * still this seat's. KEYS: day, persons, idempotency, the day's idempotency scopes. ARGV: slot
     * ({@code ''}: counters untouched), reserve channel, code, same-day move, drop idempotency,
     * person keys….
     */
    static final RedisScript<Long> RELEASE = RedisScript.of("""
            local day, persons, idem = KEYS[1], KEYS[2], KEYS[3]
            local code = ARGV[3]
            if ARGV[1] ~= '' and redis.call('HEXISTS', day, 'ready') == 1 then
              local s = 's:' .. ARGV[1] .. ':'
              if tonumber(redis.call('HGET', day, s .. 'b') or '0') > 0 then redis.call('HINCRBY', day, s .. 'b', -1) end
              if ARGV[2] == '1' and tonumber(redis.call('HGET', day, s .. 'r') or '0') > 0 then
                redis.call('HINCRBY', day, s .. 'r', -1)
              end
              if ARGV[4] == '0' and tonumber(redis.call('HGET', day, 'b') or '0') > 0 then redis.call('HINCRBY', day, 'b', -1) end
            end
            local prefix = code .. '|'
            for i = 6, #ARGV do
              local held = redis.call('HGET', persons, ARGV[i])
              if held and string.sub(held, 1, #prefix) == prefix then redis.call('HDEL', persons, ARGV[i]) end
            end
            if ARGV[5] == '1' then
              local v = redis.call('GET', idem)
              if v and string.sub(v, 1, #prefix) == prefix then
                redis.call('DEL', idem)
                redis.call('SREM', KEYS[4], idem)
              end
            end
            return 1
            """, Long.class);

    /** Names the people of a held seat, all or none. KEYS: persons. ARGV: holder, today, person keys…. */
    static final RedisScript<String> LOCK_PERSONS = RedisScript.of("""
            local holder = ARGV[1]
            local code = string.sub(holder, 1, string.find(holder, '|', 1, true) - 1)
            for i = 3, #ARGV do
              local held = redis.call('HGET', KEYS[1], ARGV[i])
              if held then
                local bar = string.find(held, '|', 1, true)
                if string.sub(held, 1, bar - 1) ~= code and string.sub(held, bar + 1) >= ARGV[2] then return 'DUPLICATE' end
              end
            end
            for i = 3, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], holder) end
            return 'OK'
            """, String.class);

    /** Replaces a day's hash with PostgreSQL's numbers. KEYS: day. ARGV: expiry (epoch ms), field, value…. */
    static final RedisScript<Long> REBUILD_DAY = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('HSET', KEYS[1], 'ready', '1')
            redis.call('PEXPIREAT', KEYS[1], ARGV[1])
            return 1
            """, Long.class);
}
