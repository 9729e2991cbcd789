-- quota: the rules of each service (booking window, release times, channel share, hot-date
-- tranches), capacity per service, day and slot, hot dates, and the seats taken through the
-- seat gate with the people holding them (one active seat per person and service).
create table quota_services (
    service              text primary key
                         check (service in ('MARRIAGE_REGISTRATION', 'FAREWELL_CEREMONY', 'CREMATION', 'BODY_TRANSPORT')),
    office_unit_id       bigint,
    slot_minutes         int          not null check (slot_minutes between 5 and 480),
    min_notice_minutes   int          not null check (min_notice_minutes >= 0),
    max_days_ahead       int          not null check (max_days_ahead between 0 and 365),
    release_time         time         not null,
    reserve_share        numeric(4, 3) not null default 0 check (reserve_share between 0 and 1),
    reserve_cutoff_time  time         not null default '18:00',
    builtin_hot_dates    boolean      not null default false,
    hot_tranches         text         not null default '7@08:30=0.4,6@08:30=1',
    hot_day_cap          int check (hot_day_cap >= 0),
    updated_at           timestamptz  not null default now()
);

insert into quota_services (service, slot_minutes, min_notice_minutes, max_days_ahead, release_time, reserve_share,
                            reserve_cutoff_time, builtin_hot_dates, hot_tranches) values
    ('MARRIAGE_REGISTRATION', 30,  60, 14, '08:30', 0.2,  '18:00', true,  '7@08:30=0.4,6@08:30=1'),
    ('FAREWELL_CEREMONY',     60, 120,  7, '00:00', 0.25, '18:00', false, '7@08:30=0.4,6@08:30=1'),
    ('CREMATION',             60, 120,  7, '00:00', 0.25, '18:00', false, '7@08:30=0.4,6@08:30=1'),
    ('BODY_TRANSPORT',        60,  60,  3, '00:00', 0.25, '18:00', false, '7@08:30=0.4,6@08:30=1');

-- The capacity template hot dates use instead of the ordinary one.
create table quota_hot_template_slots (
    service     text not null references quota_services (service),
    start_time  time not null,
    end_time    time not null,
    capacity    int  not null check (capacity >= 0),
    reserved    int  check (reserved >= 0),
    primary key (service, start_time)
);

insert into quota_hot_template_slots (service, start_time, end_time, capacity, reserved)
select 'MARRIAGE_REGISTRATION', t::time, (t + interval '30 minutes')::time, 15, 3
  from generate_series(timestamp '2000-01-01 08:30', timestamp '2000-01-01 16:30', interval '30 minutes') as t
 where t::time not between '12:00' and '13:29';

-- Hot dates staff add (the built-in ones are computed: 2/14, 5/20, 5/21, Qixi, 9/9, 10/10).
create table quota_hot_dates (
    service  text not null references quota_services (service),
    day      date not null,
    name     text not null,
    primary key (service, day)
);

create table quota_days (
    service            text        not null references quota_services (service),
    day                date        not null,
    open               boolean     not null,
    reason             text,
    hot                boolean     not null default false,
    day_cap            int check (day_cap >= 0),
    day_cap_effective  int check (day_cap_effective >= 0),
    factor             numeric(6, 4) not null default 1,
    suspended          boolean     not null default false,
    booked             int         not null default 0 check (booked >= 0),
    updated_at         timestamptz not null default now(),
    primary key (service, day)
);

create table quota_slots (
    service         text not null,
    day             date not null,
    start_time      time not null,
    end_time        time not null,
    capacity        int  not null check (capacity >= 0),
    effective       int  not null check (effective >= 0),
    reserved        int  not null default 0 check (reserved >= 0),
    booked          int  not null default 0 check (booked >= 0),
    reserve_booked  int  not null default 0 check (reserve_booked >= 0),
    primary key (service, day, start_time),
    foreign key (service, day) references quota_days (service, day) on delete cascade,
    check (end_time > start_time)
);

-- One row per seat taken through the gate; the booking (or hold) refers to it by its code.
create table quota_seats (
    code        text        primary key,
    service     text        not null,
    day         date        not null,
    start_time  time        not null,
    channel     text        not null check (channel in ('WEB', 'PHONE', 'SMS', 'WECHAT', 'COUNTER')),
    reserve     boolean     not null,
    created_at  timestamptz not null default now()
);
create index quota_seats_slot on quota_seats (service, day, start_time);

-- Who holds a seat: the final word on "one active booking per person and service". A row whose
-- day has passed no longer counts and is taken over.
create table quota_seat_persons (
    service     text not null,
    person_key  text not null,
    code        text not null,
    day         date not null,
    primary key (service, person_key)
);
create index quota_seat_persons_code on quota_seat_persons (code);
