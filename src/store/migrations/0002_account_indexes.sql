-- 0002_account_indexes: found missing by the query-plan test (issue 13). Deleting an
-- institution looked for its roles in every role row.
CREATE INDEX account_roles_institution ON account_roles (institution_id);
