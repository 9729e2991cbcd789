-- channel: the phone each WeChat user proved with an SMS code
create table channel_wechat_bindings (
    open_id   text primary key,
    phone     text        not null,
    bound_at  timestamptz not null
);
