-- 0513_desk_forms: which forms an institution's desk offers (issue 17), chosen by its community
-- managers on /desk/:slug/settings. A comma-separated list of the forms of desk_requests.form
-- (0200, which this alters: numbered after it); NULL: every form, as before.
ALTER TABLE desk_settings ADD COLUMN forms TEXT;
