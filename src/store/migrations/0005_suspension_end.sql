-- 0005_suspension_end: a suspension with an end (issue 15). A moderator suspends for a number
-- of days or until lifted (NULL); the next log-in after the end lifts it (api_account.c), so
-- nothing runs on a clock and a read never writes.
ALTER TABLE accounts ADD COLUMN suspended_until INTEGER;
