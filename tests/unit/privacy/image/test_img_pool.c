/* test_img_pool.c - the picture pool's handling of workers that die (img_pool.c, run_job):
 * a job whose worker is killed from outside while it holds it, or that is handed to a worker
 * killed an instant before, is sent once more to a fresh worker and succeeds; a picture that
 * kills every worker it meets is refused (ENT_EFORMAT) after exactly two tries, never more;
 * a job that overruns its deadline is refused at once and not tried again.
 *
 * The workers are this test program itself run as `image-worker` (the pool's exe), speaking
 * the pool's wire protocol with a behaviour read from the job's bytes:
 *   "OK"          answer at once with a 2-byte file
 *   "CRASH:PATH"  append a byte to PATH, then die by SIGSEGV (a hostile picture)
 *   "HOLD:PATH"   append a byte to PATH; on the first try wait to be killed, later answer
 *   "SLOW:PATH"   append a byte to PATH, then sleep past any deadline
 *   "TUNABLES"    answer when GLIBC_TUNABLES holds the caller's own tunables and the
 *                 huge pages the pool adds (glibc.malloc.hugetlb=1), else die
 * PATH counts the tries each job reached a worker. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "entraide/image.h"
#include "privacy/image/img_pool.h"

/* --- the fake worker ------------------------------------------------------------------- */

/* Bytes in the counter file at path (0 when absent). */
static long tries(const char *path)
{
	struct stat st;
	return stat(path, &st) ? 0 : (long)st.st_size;
}

static void count_try(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd >= 0) {
		(void)!write(fd, "x", 1);
		close(fd);
	}
}

static int fake_worker(int fd)
{
	struct rlimit no_core = {0, 0};
	setrlimit(RLIMIT_CORE, &no_core);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	struct img_wire_hello h = {IMG_WIRE_MAGIC, 0, 0};
	if (img_wire_write(fd, &h, sizeof h))
		return 1;
	for (;;) {
		struct img_wire_job j;
		if (img_wire_read(fd, &j, sizeof j) || j.magic != IMG_WIRE_MAGIC || j.len > 4096)
			return 0;
		char in[4097] = {0};
		if (img_wire_read(fd, in, (size_t)j.len))
			return 0;
		const char *path = strchr(in, ':') ? strchr(in, ':') + 1 : "";
		if (!strncmp(in, "CRASH:", 6)) {
			count_try(path);
			signal(SIGSEGV, SIG_DFL);
			raise(SIGSEGV);
		} else if (!strncmp(in, "SLOW:", 5)) {
			count_try(path);
			sleep(60);
		} else if (!strcmp(in, "TUNABLES")) {
			const char *t = getenv("GLIBC_TUNABLES");
			if (!t || strcmp(t, "glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1")) {
				signal(SIGSEGV, SIG_DFL);
				raise(SIGSEGV);
			}
		} else if (!strncmp(in, "HOLD:", 5)) {
			int first = tries(path) == 0;
			count_try(path);
			while (first)
				pause(); /* until the test kills this worker */
		}
		struct img_wire_res r;
		memset(&r, 0, sizeof r);
		r.magic = IMG_WIRE_MAGIC;
		r.err = ENT_OK;
		r.format = ENT_IMG_PNG;
		r.in_format = ENT_IMG_PNG;
		r.width = r.height = 1;
		r.len = 2;
		if (img_wire_write(fd, &r, sizeof r) || img_wire_write(fd, "ok", 2))
			return 1;
	}
}

/* --- the tests ------------------------------------------------------------------------- */

static char dir[64];

struct waiter {
	atomic_int done;
};

static void on_done(void *arg)
{
	atomic_store(&((struct waiter *)arg)->done, 1);
}

static void sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static struct img_pool *pool(unsigned job_ms)
{
	struct img_pool_opts o = {.workers = 1, .memory = 0, .job_ms = job_ms, .queue = 2,
				  .exe = "/proc/self/exe"};
	struct img_pool *p = NULL;
	assert_int_equal(img_pool_start(&o, &p), ENT_OK);
	/* wait for the worker's hello */
	for (int i = 0; i < 500 && img_pool_worker_pid(p, 0) <= 0; i++)
		sleep_ms(10);
	struct img_pool_stats st;
	for (int i = 0; i < 500; i++) {
		img_pool_stats(p, &st);
		if (st.started >= 1)
			break;
		sleep_ms(10);
	}
	assert_true(st.started >= 1);
	return p;
}

static void stop(struct img_pool *p)
{
	img_pool_stop(p);
	img_pool_free(p);
}

static struct img_job *submit(struct img_pool *p, const char *what, struct waiter *w)
{
	struct ent_img_opts o = {0};
	struct img_job *j = NULL;
	atomic_store(&w->done, 0);
	assert_int_equal(img_pool_submit(p, (const uint8_t *)what, strlen(what), &o, on_done, w, &j),
			 ENT_OK);
	return j;
}

static enum ent_err finish(struct img_job *j, struct waiter *w)
{
	for (int i = 0; i < 3000 && !atomic_load(&w->done); i++)
		sleep_ms(10);
	assert_true(atomic_load(&w->done));
	struct ent_img_result r;
	enum ent_err err = img_job_result(j, &r);
	if (!err) {
		assert_int_equal(r.len, 2);
		assert_memory_equal(r.data, "ok", 2);
	}
	ent_img_result_clear(&r);
	img_job_free(j);
	return err;
}

static void counter(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
	unlink(out);
}

static void test_ok(void **state)
{
	(void)state;
	struct img_pool *p = pool(5000);
	struct waiter w;
	assert_int_equal(finish(submit(p, "OK", &w), &w), ENT_OK);
	struct img_pool_stats st;
	img_pool_stats(p, &st);
	assert_int_equal(st.jobs, 1);
	assert_int_equal(st.crashed, 0);
	assert_int_equal(st.retried, 0);
	stop(p);
}

/* Killed from outside while it holds the job: the job is sent to the replacement. */
/* The pool gives its workers glibc's huge pages (img_pool.c: page faults were a tenth of a
 * picture batch's CPU), added to the tunables of the program that starts it. */
static void test_worker_tunables(void **state)
{
	(void)state;
	struct img_pool *p = pool(5000);
	struct waiter w;
	assert_int_equal(finish(submit(p, "TUNABLES", &w), &w), ENT_OK);
	stop(p);
}

static void test_killed_while_holding_is_retried(void **state)
{
	(void)state;
	char path[128], job[160];
	counter(path, sizeof path, "hold");
	snprintf(job, sizeof job, "HOLD:%s", path);
	struct img_pool *p = pool(10000);
	pid_t first = img_pool_worker_pid(p, 0);
	struct waiter w;
	struct img_job *j = submit(p, job, &w);
	for (int i = 0; i < 500 && tries(path) < 1; i++)
		sleep_ms(10);
	assert_int_equal(tries(path), 1);
	assert_int_equal(kill(first, SIGKILL), 0);
	assert_int_equal(finish(j, &w), ENT_OK);
	assert_int_equal(tries(path), 2);
	assert_true(img_pool_worker_pid(p, 0) != first);
	struct img_pool_stats st;
	img_pool_stats(p, &st);
	assert_int_equal(st.jobs, 1);
	assert_int_equal(st.crashed, 1);
	assert_int_equal(st.retried, 1);
	stop(p);
}

/* Handed to a worker killed an instant before (not yet reaped): the job still succeeds. */
static void test_killed_just_before_is_retried(void **state)
{
	(void)state;
	struct img_pool *p = pool(10000);
	for (int round = 0; round < 5; round++) {
		pid_t w0 = 0;
		for (int i = 0; i < 500 && (w0 = img_pool_worker_pid(p, 0)) <= 0; i++)
			sleep_ms(10);
		assert_true(w0 > 0);
		struct waiter w;
		assert_int_equal(kill(w0, SIGKILL), 0);
		assert_int_equal(finish(submit(p, "OK", &w), &w), ENT_OK);
	}
	stop(p);
}

/* Runs the job kind:PATH on a fresh pool with deadline job_ms: its outcome and the tries
 * that reached a worker are checked, then the pool still answers the next job. */
static void counted(const char *kind, unsigned job_ms, enum ent_err want, long want_tries,
		    struct img_pool_stats *st)
{
	char path[128], job[160];
	counter(path, sizeof path, kind);
	snprintf(job, sizeof job, "%s:%s", kind, path);
	struct img_pool *p = pool(job_ms);
	struct waiter w;
	assert_int_equal(finish(submit(p, job, &w), &w), want);
	assert_int_equal(tries(path), want_tries);
	img_pool_stats(p, st);
	assert_int_equal(finish(submit(p, "OK", &w), &w), ENT_OK);
	stop(p);
}

/* A picture that kills every worker it meets: refused after two tries, never more. */
static void test_crash_twice_is_refused(void **state)
{
	(void)state;
	struct img_pool_stats st;
	counted("CRASH", 10000, ENT_EFORMAT, 2, &st);
	assert_int_equal(st.jobs, 1);
	assert_int_equal(st.crashed, 2);
	assert_int_equal(st.retried, 1);
}

/* Past its deadline: refused at once, not tried again. */
static void test_overrun_is_not_retried(void **state)
{
	(void)state;
	struct img_pool_stats st;
	counted("SLOW", 300, ENT_ETIMEOUT, 1, &st);
	assert_int_equal(st.timed_out, 1);
	assert_int_equal(st.crashed, 0);
	assert_int_equal(st.retried, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "image-worker"))
		return fake_worker(3);
	/* the caller's own tunables, which the pool keeps (this process was started without) */
	setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=4", 1);
	snprintf(dir, sizeof dir, "/tmp/ent-pool-test.XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_worker_tunables),
		cmocka_unit_test(test_killed_while_holding_is_retried),
		cmocka_unit_test(test_killed_just_before_is_retried),
		cmocka_unit_test(test_crash_twice_is_refused),
		cmocka_unit_test(test_overrun_is_not_retried),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	const char *names[] = {"hold", "CRASH", "SLOW"};
	for (size_t i = 0; i < 3; i++) {
		char path[128];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	return rc;
}
