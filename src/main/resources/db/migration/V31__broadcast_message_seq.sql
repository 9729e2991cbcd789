-- broadcast: the number of a notice's message on /topic/notices, taken in the transaction that
-- issues it. The issuing instance delivers it right after commit; a worker that takes over a row
-- (that instance died) delivers that same stored message again, not a new one.
alter table notice_deliveries add column message_seq bigint;
