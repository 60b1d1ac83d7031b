-- 0601_campaigns: prevention campaigns for age bands (issue 21, R8), measured in aggregate
-- only. bands is a bit set: 1 = 13-14, 2 = 15-17, 4 = 18-24, 8 = 25-plus, 16 = everyone
-- (visitors and accounts that gave no band see only those). campaign_counts holds views and
-- clicks per campaign, band ('none' for visitors and accounts without one) and day: there is
-- no account column and no table of who saw what.
CREATE TABLE campaigns (
	id             INTEGER PRIMARY KEY,
	institution_id INTEGER REFERENCES institutions (id) ON DELETE CASCADE,
	author_id      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	title          TEXT NOT NULL,
	body           TEXT NOT NULL,
	html           TEXT NOT NULL,
	language       TEXT NOT NULL CHECK (language IN ('fr', 'en')),
	topic          TEXT NOT NULL,
	bands          INTEGER NOT NULL CHECK (bands BETWEEN 1 AND 31),
	starts_at      INTEGER NOT NULL,
	ends_at        INTEGER NOT NULL,
	created_at     INTEGER NOT NULL,
	CHECK (ends_at > starts_at)
);
CREATE INDEX campaigns_current ON campaigns (language, ends_at);
CREATE INDEX campaigns_institution ON campaigns (institution_id);
CREATE INDEX campaigns_author ON campaigns (author_id);

CREATE TABLE campaign_counts (
	campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
	band        TEXT NOT NULL CHECK (band IN ('13-14', '15-17', '18-24', '25-plus', 'none')),
	day         TEXT NOT NULL,
	views       INTEGER NOT NULL DEFAULT 0,
	clicks      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (campaign_id, band, day)
);
