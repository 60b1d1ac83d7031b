-- 0302_pro_indexes: indexes found missing by the query-plan test (issue 13).
-- A professional's latest verification request searched every request.
CREATE INDEX pro_verifications_account ON pro_verifications (account_id, id);
-- Deleting an account's cases, answers and photos searched every row.
CREATE INDEX pro_cases_author ON pro_cases (author_id);
CREATE INDEX pro_case_answers_author ON pro_case_answers (author_id);
CREATE INDEX pro_case_photos_author ON pro_case_photos (author_id);
-- Foreign keys without an index on their child column (deleting an account or an institution
-- read the whole child table).
CREATE INDEX pro_case_consents_recorded_by ON pro_case_consents (recorded_by);
CREATE INDEX pro_case_photos_reviewer ON pro_case_photos (reviewer_id);
CREATE INDEX pro_verification_events_actor ON pro_verification_events (actor_id);
CREATE INDEX pro_verification_events_verification ON pro_verification_events (verification_id);
CREATE INDEX pro_verifications_decided_by ON pro_verifications (decided_by);
CREATE INDEX pro_verifications_institution ON pro_verifications (institution_id);
