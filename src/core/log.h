/*
 * log.h - structured logs: one JSON object per line on stderr.
 *
 * {"ts":"2026-11-29T02:00:00.123Z","lvl":"info","msg":"request","route":"/api/v1/me",...}
 * Callers pass only operator-facing facts: route patterns (never raw paths), statuses, error
 * names, durations. Never an e-mail, an IP address, a handle, a body or a token (R6).
 * Each line is written with one write(2), so lines from several threads do not interleave.
 */
#ifndef ENT_CORE_LOG_H
#define ENT_CORE_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* Lines below this level are dropped (default LOG_INFO). */
void log_set_level(enum log_level lvl);

/* Logs msg with extra pre-formatted JSON members (e.g. "\"err\":\"ENT_EDB\""), or NULL. */
void log_line(enum log_level lvl, const char *msg, const char *members);

/* Logs msg with an "err" member naming err (an enum ent_err) and an optional static "what". */
void log_err(const char *msg, int err, const char *what);

/* The request line: route pattern, method, status, milliseconds, and for a request the client
 * abandoned, how ("client": it closed the connection, "timeout": it went silent), else NULL. */
void log_request(const char *route, const char *method, int status, double ms, const char *aborted);

#endif
