-- 0300_pro_verifications: requests to be verified as a health professional (issue 7).
-- One open request (pending or approved) per account at a time; refused and revoked ones stay
-- as history. verified_by is the name frozen at approval ("CHU X"): the badge keeps saying who
-- verified even if the institution is renamed. The RPPS number is known to the instance and
-- to administrators only; the badge never shows it.

CREATE TABLE pro_verifications (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	profession     TEXT NOT NULL,
	specialty      TEXT NOT NULL DEFAULT '',
	rpps           TEXT NOT NULL CHECK (length(rpps) = 11),
	institution_id INTEGER REFERENCES institutions (id) ON DELETE SET NULL,
	status         TEXT NOT NULL DEFAULT 'pending'
	               CHECK (status IN ('pending', 'approved', 'refused', 'revoked')),
	reason         TEXT NOT NULL DEFAULT '',
	verified_by    TEXT NOT NULL DEFAULT '',
	decided_by     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	created_at     INTEGER NOT NULL,
	decided_at     INTEGER
);
CREATE UNIQUE INDEX pro_verifications_open ON pro_verifications (account_id)
	WHERE status IN ('pending', 'approved');
CREATE INDEX pro_verifications_status ON pro_verifications (status, created_at);

-- Every decision (approve, refuse, revoke), kept when the decision changes: the audit trail.
CREATE TABLE pro_verification_events (
	id              INTEGER PRIMARY KEY,
	verification_id INTEGER NOT NULL REFERENCES pro_verifications (id) ON DELETE CASCADE,
	actor_id        INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	action          TEXT NOT NULL CHECK (action IN ('request', 'approve', 'refuse', 'revoke')),
	reason          TEXT NOT NULL DEFAULT '',
	at              INTEGER NOT NULL
);
