-- histograph schema (PostgreSQL), migration 6 (as SQLite's 11): on-this-day pages in date order from the indexes.
--
-- events_day_order / events_month_order: the day- and month-precision candidates of a day
--   in timeline order, so that a page of on-this-day reads its first rows from each index
--   instead of sorting every candidate (thousands a day at a million events). They extend
--   events_month_day and events_precision, which they replace.

DROP INDEX IF EXISTS events_month_day;
DROP INDEX IF EXISTS events_precision;
CREATE INDEX IF NOT EXISTS events_day_order
    ON events (date_month, date_day, date_earliest, date_latest, seq);
CREATE INDEX IF NOT EXISTS events_month_order
    ON events (date_precision, date_month, date_earliest, date_latest, seq);
