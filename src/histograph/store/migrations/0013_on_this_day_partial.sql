-- histograph schema, migration 13: on-this-day at a million events from partial indexes.
--
-- events_exact_day: the day- and time-precision events of a month and day in timeline
--   order, and only those (events_day_order also held every year-, decade- and
--   century-precision event, whose month and day are those of their first day: the 1st of
--   January held tens of thousands of rows the query read and threw away, and counting a
--   day read every candidate's row for its precision).
-- events_month_precision: the month-precision events of a month in timeline order, with the
--   columns that say whether the month holds the 29th to the 31st (date_day,
--   date_latest_month; the width is date_latest - date_earliest): a count of any day reads
--   this index alone.
-- events_short_interval: the interval-precision events with the months they start and end
--   in: the intervals that can hold a day are found from the index, not from every row.
-- events_odd_month: the month-precision events that are not one whole month from its 1st (a
--   month of another calendar in Gregorian days: rare), which on-this-day checks one by one.
-- They replace events_day_order and events_month_order (migration 11) and events_latest_month
-- (migration 1), which nothing reads any more (the planner took it for a count of a
-- month's rows).

DROP INDEX IF EXISTS events_latest_month;
DROP INDEX IF EXISTS events_day_order;
DROP INDEX IF EXISTS events_month_order;
CREATE INDEX IF NOT EXISTS events_exact_day
    ON events (date_month, date_day, date_earliest, date_latest, seq)
    WHERE date_precision IN ('day', 'time');
CREATE INDEX IF NOT EXISTS events_month_precision
    ON events (date_month, date_earliest, date_latest, seq, date_day, date_latest_month)
    WHERE date_precision = 'month';
CREATE INDEX IF NOT EXISTS events_short_interval
    ON events (date_month, date_latest_month, date_earliest, date_latest)
    WHERE date_precision = 'interval';
CREATE INDEX IF NOT EXISTS events_odd_month ON events (date_month)
    WHERE date_precision = 'month'
    AND NOT (date_day = 1 AND date_latest_month = date_month AND date_latest - date_earliest < 31);
