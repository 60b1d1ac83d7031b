/* log.c - one JSON line per event on stderr; see log.h. */
#include "core/log.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "entraide/err.h"

static atomic_int min_level = LOG_INFO;
static const char *const names[] = {"debug", "info", "warn", "error"};

void log_set_level(enum log_level lvl)
{
	atomic_store(&min_level, (int)lvl);
}

static void emit(enum log_level lvl, const char *msg, const char *members)
{
	if ((int)lvl < atomic_load(&min_level))
		return;
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	char line[1024];
	int n = snprintf(line, sizeof line,
			 "{\"ts\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ\",\"lvl\":\"%s\",\"msg\":\"%s\"%s%s}\n",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			 ts.tv_nsec / 1000000, names[lvl], msg, members ? "," : "", members ? members : "");
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line) {
		n = sizeof line - 1;
		line[n - 2] = '}';
		line[n - 1] = '\n';
	}
	ssize_t w = write(STDERR_FILENO, line, (size_t)n);
	(void)w;
}

void log_line(enum log_level lvl, const char *msg, const char *members)
{
	emit(lvl, msg, members);
}

void log_err(const char *msg, int err, const char *what)
{
	char m[256];
	snprintf(m, sizeof m, "\"err\":\"%s\"%s%s%s", ent_errname((enum ent_err)err),
		 what ? ",\"what\":\"" : "", what ? what : "", what ? "\"" : "");
	emit(LOG_ERROR, msg, m);
}

void log_request(const char *route, const char *method, int status, double ms, const char *aborted)
{
	char m[512];
	int n = snprintf(m, sizeof m, "\"route\":\"%s\",\"method\":\"%s\",\"status\":%d,\"ms\":%.3f",
			 route, method, status, ms);
	if (aborted && n > 0 && (size_t)n < sizeof m)
		snprintf(m + n, sizeof m - (size_t)n, ",\"aborted\":\"%s\"", aborted);
	emit(LOG_INFO, "request", m);
}
