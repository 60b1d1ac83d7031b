/*
 * api_routes.c - THE route table: every route of the API, the roles allowed to call it
 * (default deny: a route allows only what it lists), whether it needs a session and a CSRF
 * token, its body, its one-line summary. policy_check() enforces it for every request;
 * tests/unit/policy/test_route_table.c walks it with every role and checks docs/openapi.json
 * documents exactly these routes.
 *
 * State-changing routes (POST, PUT, PATCH, DELETE) that need a session must carry
 * POLICY_CSRF (the table test checks it).
 */
#include "api/api_desk.h"
#include "api/api_handlers.h"

#define SESSION POLICY_SESSION
#define CSRF (POLICY_SESSION | POLICY_CSRF)

const struct api_route api_routes[] = {
	/* operations */
	{"GET", "/healthz", api_healthz, ROLE_EVERYONE, 0, NULL, 0, "Liveness check"},
	{"GET", "/metrics", api_metrics, ROLE_EVERYONE, 0, NULL, 0, "Prometheus metrics"},
	{"GET", "/api/v1/instance", api_instance, ROLE_EVERYONE, 0, NULL, 0,
	 "What this instance is and holds (home page)"},

	/* accounts and sessions */
	{"POST", "/api/v1/accounts", api_account_create_h, ROLE_EVERYONE, 0,
	 api_account_create_fields, 0, "Sign up (does not log in)"},
	{"POST", "/api/v1/session", api_session_create, ROLE_EVERYONE, 0, api_session_create_fields,
	 0, "Log in with a handle or e-mail and a password"},
	{"DELETE", "/api/v1/session", api_session_delete, ROLE_ALL_ACCOUNTS, CSRF, NULL, 0,
	 "Log out"},
	{"GET", "/api/v1/me", api_me_get, ROLE_ALL_ACCOUNTS, SESSION, NULL, 0,
	 "The logged-in account"},
	{"PATCH", "/api/v1/me", api_me_patch, ROLE_ALL_ACCOUNTS, CSRF, api_me_patch_fields, 0,
	 "Change account settings (language)"},
	{"PUT", "/api/v1/me/password", api_me_password, ROLE_ALL_ACCOUNTS, CSRF,
	 api_me_password_fields, 0, "Change password (ends the other sessions)"},
	{"DELETE", "/api/v1/me", api_me_delete, ROLE_ALL_ACCOUNTS, CSRF, api_me_delete_fields, 0,
	 "Delete one's own account"},

	/* administration */
	{"GET", "/api/v1/admin/accounts", api_admin_accounts, ROLE_ADMINISTRATOR, SESSION, NULL, 0,
	 "Accounts with their roles and state, no e-mail (administrators)"},

	/* the relation desk (issue 6): requests, queue, live updates, dashboard, public criticism;
	 * per-institution checks in api_desk*.c (community managers of that institution only) */
	{"GET", "/api/v1/institutions/{slug}/desk", api_desk_info, ROLE_EVERYONE, 0, NULL, 0,
	 "An institution's desk: name, forms, teleconsultation link"},
	{"POST", "/api/v1/institutions/{slug}/desk/requests", api_desk_request_create,
	 ROLE_ALL_ACCOUNTS, CSRF, api_desk_request_fields, 0,
	 "Write to a desk (typed form or free text); urgent and consultation guidance at once"},
	{"GET", "/api/v1/desk/requests", api_desk_mine, ROLE_ALL_ACCOUNTS, SESSION, NULL, 0,
	 "One's own desk requests"},
	{"GET", "/api/v1/desk/requests/{id}", api_desk_request_get, ROLE_ALL_ACCOUNTS, SESSION, NULL,
	 0, "A desk request and its conversation (requester or the institution's managers)"},
	{"POST", "/api/v1/desk/requests/{id}/messages", api_desk_message_post, ROLE_ALL_ACCOUNTS,
	 CSRF, api_desk_message_fields, 0,
	 "Add a message, reply, internal note or private document to a desk request"},
	{"PATCH", "/api/v1/desk/requests/{id}", api_desk_request_patch, ROLE_COMMUNITY_MANAGER, CSRF,
	 api_desk_patch_fields, 0, "Change a request's status, assignee or identity check (managers)"},
	{"GET", "/api/v1/institutions/{slug}/desk/queue", api_desk_queue, ROLE_COMMUNITY_MANAGER,
	 SESSION, NULL, 0, "The desk's queue, urgent first, filtered by type and status (managers)"},
	{"PUT", "/api/v1/institutions/{slug}/desk/settings", api_desk_settings_put,
	 ROLE_COMMUNITY_MANAGER, CSRF, api_desk_settings_fields, 0,
	 "Set the institution's teleconsultation link (managers)"},
	{"GET", "/api/v1/institutions/{slug}/desk/canned", api_desk_canned_list,
	 ROLE_COMMUNITY_MANAGER, SESSION, NULL, 0, "Canned replies and their placeholders (managers)"},
	{"POST", "/api/v1/institutions/{slug}/desk/canned", api_desk_canned_create,
	 ROLE_COMMUNITY_MANAGER, CSRF, api_desk_canned_fields, 0, "Add a canned reply (managers)"},
	{"GET", "/api/v1/institutions/{slug}/desk/events", api_desk_events, ROLE_COMMUNITY_MANAGER,
	 SESSION, NULL, 0, "Live queue updates as Server-Sent Events (managers)"},
	{"GET", "/api/v1/institutions/{slug}/desk/dashboard", api_desk_dashboard,
	 ROLE_COMMUNITY_MANAGER, SESSION, NULL, 0,
	 "Requests per type per week, response times, redirections, SVG charts (managers)"},
	{"GET", "/api/v1/institutions/{slug}/desk/dashboard.csv", api_desk_dashboard_csv,
	 ROLE_COMMUNITY_MANAGER, SESSION, NULL, 0, "The dashboard's figures as CSV (managers)"},
	{"GET", "/api/v1/institutions/{slug}/complaints", api_desk_complaints, ROLE_EVERYONE, 0, NULL,
	 0, "Public complaints about an institution and its public replies"},
	{"POST", "/api/v1/institutions/{slug}/complaints", api_desk_complaint_post, ROLE_ALL_ACCOUNTS,
	 CSRF, api_desk_complaint_fields, 0,
	 "Post a public complaint; identifiers or health details: offered the private desk"},
	{"POST", "/api/v1/institutions/{slug}/complaints/{id}/reply", api_desk_complaint_reply,
	 ROLE_COMMUNITY_MANAGER, CSRF, api_desk_complaint_reply_fields, 0,
	 "Answer a public complaint publicly (managers)"},

	/* professional network (issue 7): verification, badge, rule R2 */
	{"POST", "/api/v1/verifications", api_verification_create, ROLE_ALL_ACCOUNTS, CSRF,
	 api_verification_create_fields, 0, "Ask to be verified as a health professional (RPPS)"},
	{"GET", "/api/v1/verifications", api_verification_list, ROLE_ADMINISTRATOR, SESSION, NULL, 0,
	 "Verification requests, pending first (administrators)"},
	{"GET", "/api/v1/me/verification", api_verification_mine, ROLE_ALL_ACCOUNTS, SESSION, NULL, 0,
	 "One's own latest verification request"},
	{"POST", "/api/v1/verifications/{id}/approve", api_verification_approve, ROLE_ADMINISTRATOR,
	 CSRF, NULL, 0, "Approve a verification: grants the professional role (administrators)"},
	{"POST", "/api/v1/verifications/{id}/refuse", api_verification_refuse, ROLE_ADMINISTRATOR,
	 CSRF, api_verification_reason_fields, 0, "Refuse a verification with a reason (administrators)"},
	{"POST", "/api/v1/verifications/{id}/revoke", api_verification_revoke, ROLE_ADMINISTRATOR,
	 CSRF, api_verification_reason_fields, 0,
	 "Revoke an approved verification, logged; withdraws the role (administrators)"},
	{"GET", "/api/v1/accounts/{handle}/badge", api_badge_get, ROLE_ALL_ACCOUNTS, SESSION, NULL, 0,
	 "A verified professional's badge (what, by whom, when; no RPPS number)"},
	{"POST", "/api/v1/conversations", api_conversation_create, ROLE_ALL_ACCOUNTS, CSRF,
	 api_conversation_create_fields, 0,
	 "Open a private conversation; refused from a member to a professional (R2)"},
	/* professional cases (issue 7): verified professionals only; photos hidden until reviewed */
	{"GET", "/api/v1/cases", api_cases_list, ROLE_PROFESSIONAL, SESSION, NULL, 0,
	 "Cases, newest first, with the median time to first answer (professionals)"},
	{"POST", "/api/v1/cases", api_case_create, ROLE_PROFESSIONAL, CSRF, api_case_create_fields, 0,
	 "Write a case: de-identification check, patient's consent recorded (professionals)"},
	{"GET", "/api/v1/cases/{id}", api_case_get, ROLE_PROFESSIONAL, SESSION, NULL, 0,
	 "A case with its answers and the photos the caller may see (professionals)"},
	{"POST", "/api/v1/cases/{id}/answers", api_answer_create, ROLE_PROFESSIONAL, CSRF,
	 api_answer_create_fields, 0, "Answer a case (professionals)"},
	{"POST", "/api/v1/cases/{id}/helpful", api_case_helpful, ROLE_PROFESSIONAL, CSRF,
	 api_case_helpful_fields, 0, "Mark the answer that helped (the case's author)"},
	{"POST", "/api/v1/cases/{id}/close", api_case_close, ROLE_PROFESSIONAL, CSRF, NULL, 0,
	 "Close a case (the case's author)"},
	{"POST", "/api/v1/cases/{id}/photos", api_photo_create, ROLE_PROFESSIONAL, CSRF,
	 api_photo_create_fields, API_PHOTO_BODY_MAX,
	 "Attach a photo: sanitized, faces and masks covered, pending review (the case's author)"},
	{"GET", "/api/v1/photos/{id}", api_photo_get, ROLE_PROFESSIONAL, SESSION, NULL, 0,
	 "A case photo: once reviewed, or to its author (professionals)"},
	{"GET", "/api/v1/photo-reviews", api_reviews_list, ROLE_PROFESSIONAL, SESSION, NULL, 0,
	 "Photos of other professionals waiting for a review (professionals)"},
	{"GET", "/api/v1/photo-reviews/{id}/image", api_review_image, ROLE_PROFESSIONAL, SESSION,
	 NULL, 0, "A pending photo, for a reviewer who is not its author (professionals)"},
	{"POST", "/api/v1/photo-reviews/{id}", api_review_decide, ROLE_PROFESSIONAL, CSRF,
	 api_photo_review_fields, 0,
	 "Review a photo: approve, add masks and approve, or refuse with a reason (professionals)"},
	/* end: professional network (issue 7) */
};

const size_t api_n_routes = sizeof api_routes / sizeof api_routes[0];
