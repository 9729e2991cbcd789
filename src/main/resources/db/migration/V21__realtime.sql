-- realtime: the sequence number of each STOMP topic and the messages published on it, so that a
-- client that reconnects can ask for what it missed (SUBSCRIBE with last-seq).
create table realtime_topics (
    destination  text primary key,
    last_seq     bigint not null
);

create table realtime_messages (
    destination  text        not null,
    seq          bigint      not null,
    audience     bigint[],
    body         text        not null,
    created_at   timestamptz not null,
    primary key (destination, seq)
);
create index realtime_messages_created on realtime_messages (created_at);
