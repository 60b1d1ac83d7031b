/*
 * img_pool.c - the parent side of the picture pool (see img_pool.h for the design).
 *
 * One thread per worker slot: it keeps a worker running (posix_spawn of the worker binary,
 * entraide-imaged, which is safe from a threaded server, with the socket as fd 3, an empty signal mask and a
 * process group of its own so a terminal's Ctrl-C reaches the server only), takes the next job
 * from the queue, sends it, and reads the answer, polling against the job's wall-clock
 * deadline. Before each job the worker's CPU limit (RLIMIT_CPU, set from here with prlimit so
 * the worker cannot raise it) is moved to its CPU time so far plus the job's budget. A worker
 * that dies, overruns or answers anything malformed is killed (SIGKILL), reaped, logged
 * (signal number only: never the picture) and started again; a job whose worker died gets
 * one more try on the fresh worker (run_job), else the job gets a refusal.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "privacy/image/img_pool.h"

extern char **environ;

#define READY_MS 60000 /* a worker's start-up: detectors and warm-up (slow under ASan) */

struct img_job {
	struct img_wire_job hdr;
	uint8_t *in;
	void (*done)(void *arg);
	void *arg;
	struct img_job *next;
	/* the outcome */
	enum ent_err err;
	struct ent_img_result res;
	char reason[sizeof ((struct img_wire_res *)0)->reason];
};

struct slot {
	struct img_pool *p;
	unsigned idx;
	pthread_t th;
	bool started;
	_Atomic pid_t pid;
	int fd;
};

struct img_pool {
	struct img_pool_opts o;
	char exe[256];
	char mem_arg[32], nice_arg[16];
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct img_job *head, *tail;
	unsigned n_queued, n_busy, queue_cap;
	bool stopping;
	struct slot *slots;
	atomic_uint_fast64_t jobs, crashed, timed_out, refused_busy, started, retried;
};

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits for fd to be ready for events until deadline (ms); 0 ready, -1 timeout or error. */
static int wait_fd(int fd, short events, int64_t deadline)
{
	for (;;) {
		int64_t left = deadline - now_ms();
		if (left <= 0)
			return -1;
		struct pollfd pf = {fd, events, 0};
		int n = poll(&pf, 1, left > 1000 ? 1000 : (int)left);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0)
			return 0;
	}
}

/* 0 done, -1 the peer went away or failed, -2 deadline. */
static int send_all(int fd, const void *p, size_t n, int64_t deadline)
{
	const uint8_t *b = p;
	while (n) {
		ssize_t w = send(fd, b, n, MSG_NOSIGNAL);
		if (w > 0) {
			b += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (wait_fd(fd, POLLOUT, deadline))
				return now_ms() >= deadline ? -2 : -1;
			continue;
		}
		return -1;
	}
	return 0;
}

static int recv_all(int fd, void *p, size_t n, int64_t deadline)
{
	uint8_t *b = p;
	while (n) {
		ssize_t r = recv(fd, b, n, 0);
		if (r > 0) {
			b += r;
			n -= (size_t)r;
			continue;
		}
		if (r == 0)
			return -1;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			if (wait_fd(fd, POLLIN, deadline))
				return now_ms() >= deadline ? -2 : -1;
			continue;
		}
		return -1;
	}
	return 0;
}

static void log_worker(const char *msg, unsigned idx, int status)
{
	char m[96];
	if (status >= 0 && WIFSIGNALED(status))
		snprintf(m, sizeof m, "\"worker\":%u,\"signal\":%d", idx, WTERMSIG(status));
	else if (status >= 0 && WIFEXITED(status))
		snprintf(m, sizeof m, "\"worker\":%u,\"exit\":%d", idx, WEXITSTATUS(status));
	else
		snprintf(m, sizeof m, "\"worker\":%u", idx);
	log_line(LOG_WARN, msg, m);
}

/* Ends the slot's worker: closing the socket lets a healthy one exit; after wait_ms it is
 * killed. Returns its wait status (-1 when unknown). */
static int end_worker(struct slot *s, int wait_ms, bool kill_now)
{
	pid_t pid = atomic_load(&s->pid);
	int status = -1;
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	if (pid <= 0)
		return -1;
	if (kill_now)
		kill(pid, SIGKILL);
	for (int i = 0; i <= wait_ms / 10; i++) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		if (i == wait_ms / 10) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		usleep(10000);
	}
	atomic_store(&s->pid, 0);
	return status;
}

/* Starts the slot's worker and waits for its hello. */
static enum ent_err spawn_worker(struct slot *s)
{
	struct img_pool *p = s->p;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return ENT_EIO;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none;
	sigemptyset(&none);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], 3); /* dup2 clears close-on-exec */
	posix_spawnattr_init(&at);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP |
					      POSIX_SPAWN_SETSIGDEF);
	sigset_t def;
	sigemptyset(&def);
	sigaddset(&def, SIGPIPE);
	sigaddset(&def, SIGTERM);
	sigaddset(&def, SIGINT);
	posix_spawnattr_setsigdefault(&at, &def);
	char *argv[] = {(char *)"entraide-imaged", (char *)"image-worker", (char *)"--memory", p->mem_arg,
			(char *)"--nice", p->nice_arg, NULL};
	/* one thread per worker: the pool, not the codecs, spreads pictures over the cores */
	size_t n_env = 0;
	while (environ[n_env])
		n_env++;
	char **envp = calloc(n_env + 5, sizeof *envp);
	pid_t pid = -1;
	int rc = ENOMEM;
	/* glibc's malloc asks for transparent huge pages (madvise) for its heap and large
	 * blocks: a worker touches ~100 MB at start-up (libraries, models, the CNN's buffers)
	 * and tens of MB a picture. Measured on bench/image's batch: page faults 46k -> 7.7k,
	 * CPU -7% with faces, -22% without; one worker's start-up 19k -> 5k faults. Added to
	 * the caller's own tunables, if any. */
	char tunables_buf[512];
	char *tunables = (char *)"GLIBC_TUNABLES=glibc.malloc.hugetlb=1";
	if (envp) {
		size_t k = 0;
		for (size_t i = 0; i < n_env; i++) {
			if (!strncmp(environ[i], "GLIBC_TUNABLES=", 15)) {
				int n = snprintf(tunables_buf, sizeof tunables_buf, "%s:glibc.malloc.hugetlb=1",
						 environ[i]);
				/* too long to add to: the caller's own, as they are */
				tunables = n > 0 && (size_t)n < sizeof tunables_buf ? tunables_buf : environ[i];
				continue;
			}
			if (strncmp(environ[i], "OPENCV_FOR_THREADS_NUM=", 23) &&
			    strncmp(environ[i], "OPENBLAS_NUM_THREADS=", 21) &&
			    strncmp(environ[i], "OMP_NUM_THREADS=", 16))
				envp[k++] = environ[i];
		}
		envp[k++] = (char *)"OPENCV_FOR_THREADS_NUM=1";
		envp[k++] = (char *)"OPENBLAS_NUM_THREADS=1";
		envp[k++] = (char *)"OMP_NUM_THREADS=1";
		envp[k++] = tunables;
		envp[k] = NULL;
		rc = posix_spawn(&pid, p->exe, &fa, &at, argv, envp);
		free(envp);
	}
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(sv[1]);
	if (rc) {
		close(sv[0]);
		log_line(LOG_ERROR, "image worker not started", NULL);
		return ENT_EIO;
	}
	fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	s->fd = sv[0];
	atomic_store(&s->pid, pid);
	struct img_wire_hello h;
	if (recv_all(s->fd, &h, sizeof h, now_ms() + READY_MS) || h.magic != IMG_WIRE_MAGIC) {
		log_worker("image worker failed to start", s->idx, end_worker(s, 100, true));
		return ENT_EIO;
	}
	if (h.faces_err)
		log_line(LOG_ERROR, "image worker has no face detector", NULL);
	atomic_fetch_add(&p->started, 1);
	return ENT_OK;
}

/* Moves the worker's CPU limit to its CPU time so far plus the job's budget. */
static void cpu_limit(pid_t pid, unsigned job_ms)
{
	clockid_t cid;
	struct timespec used = {0, 0};
	if (clock_getcpuclockid(pid, &cid) || clock_gettime(cid, &used))
		return;
	struct rlimit old, lim;
	if (prlimit(pid, RLIMIT_CPU, NULL, &old))
		return;
	lim.rlim_cur = (rlim_t)used.tv_sec + 1 + (job_ms + 999) / 1000;
	lim.rlim_max = old.rlim_max;
	if (lim.rlim_max != RLIM_INFINITY && lim.rlim_cur > lim.rlim_max)
		lim.rlim_cur = lim.rlim_max;
	(void)prlimit(pid, RLIMIT_CPU, &lim, NULL);
}

static void fail_job(struct img_job *j, enum ent_err err, const char *reason)
{
	j->err = err;
	snprintf(j->reason, sizeof j->reason, "%s", reason);
}

/* Copies the worker's reason as plain printable ASCII (it is shown to the uploader). */
static void take_reason(struct img_job *j, const char *r)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof j->reason - 1 && r[i]; i++)
		j->reason[k++] = (r[i] >= 0x20 && r[i] < 0x7F) ? r[i] : '?';
	j->reason[k] = '\0';
}

/* Sends j to the slot's worker and reads the answer. 0 success (whatever the sanitizer
 * said), -1 the worker failed, -2 deadline. */
static int exchange(struct slot *s, struct img_job *j)
{
	int64_t deadline = now_ms() + s->p->o.job_ms;
	struct img_wire_res w;
	int rc = send_all(s->fd, &j->hdr, sizeof j->hdr, deadline);
	if (!rc)
		rc = send_all(s->fd, j->in, (size_t)j->hdr.len, deadline);
	if (!rc)
		rc = recv_all(s->fd, &w, sizeof w, deadline);
	if (rc)
		return rc;
	w.reason[sizeof w.reason - 1] = '\0';
	if (w.magic != IMG_WIRE_MAGIC || w.err < 0 || w.err >= ENT_ERR__COUNT ||
	    w.n_regions > IMG_WIRE_MAX_REGIONS || w.n_faces > w.n_regions ||
	    w.len > IMG_WIRE_MAX_OUT || (w.err == ENT_OK) != (w.len > 0))
		return -1;
	struct ent_img_result *r = &j->res;
	if (w.n_regions) {
		r->regions = calloc(w.n_regions, sizeof *r->regions);
		if (!r->regions)
			return -1;
	}
	for (uint32_t i = 0; i < w.n_regions; i++) {
		struct img_wire_region g;
		rc = recv_all(s->fd, &g, sizeof g, deadline);
		if (rc)
			return rc;
		r->regions[i].rect = (struct ent_img_rect){g.x, g.y, g.w, g.h};
		r->regions[i].source = (enum ent_img_source)g.source;
	}
	r->n_regions = w.n_regions;
	r->n_faces = w.n_faces;
	if (w.len) {
		r->data = malloc((size_t)w.len);
		if (!r->data)
			return -1;
		rc = recv_all(s->fd, r->data, (size_t)w.len, deadline);
		if (rc)
			return rc;
		r->len = (size_t)w.len;
	}
	j->err = (enum ent_err)w.err;
	r->format = (enum ent_img_format)w.format;
	r->in_format = (enum ent_img_format)w.in_format;
	r->width = w.width;
	r->height = w.height;
	r->orientation = w.orientation;
	r->removed = w.removed;
	take_reason(j, w.reason);
	return 0;
}

/* A worker that died between jobs is reaped (and started again by the slot's loop). */
static void reap_idle(struct slot *s)
{
	pid_t pid = atomic_load(&s->pid);
	int st;
	if (pid > 0 && waitpid(pid, &st, WNOHANG) == pid) {
		atomic_store(&s->pid, 0);
		log_worker("image worker died while idle", s->idx, st);
		atomic_fetch_add(&s->p->crashed, 1);
		end_worker(s, 0, false);
	}
}

static bool pool_stopping(struct img_pool *p)
{
	pthread_mutex_lock(&p->mu);
	bool stop = p->stopping;
	pthread_mutex_unlock(&p->mu);
	return stop;
}

/* Runs j on the slot's worker. A worker that dies before answering (a crash, or a kill from
 * outside: an operator, the OOM killer, a worker caught dying between jobs) gets the job
 * once more on a fresh worker: the second death is the picture's doing, and the job is
 * refused. A job that overran (the deadline, or SIGXCPU) has used its budget and is not
 * tried again. */
static void run_job(struct slot *s, struct img_job *j)
{
	struct img_pool *p = s->p;
	for (int attempt = 0;; attempt++) {
		reap_idle(s);
		if (atomic_load(&s->pid) <= 0 && spawn_worker(s)) {
			fail_job(j, ENT_EBUSY, "no picture worker is available");
			return;
		}
		cpu_limit(atomic_load(&s->pid), p->o.job_ms);
		if (!attempt)
			atomic_fetch_add(&p->jobs, 1);
		int rc = exchange(s, j);
		if (rc == 0)
			return;
		/* what the worker held is the job's: drop any half-read result */
		ent_img_result_clear(&j->res);
		if (rc == -2) {
			atomic_fetch_add(&p->timed_out, 1);
			log_worker("image worker overran its deadline", s->idx, end_worker(s, 0, true));
			fail_job(j, ENT_ETIMEOUT, "picture took longer than the time budget");
			return;
		}
		int st = end_worker(s, 200, false);
		log_worker("image worker died", s->idx, st);
		if (st >= 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU) {
			atomic_fetch_add(&p->timed_out, 1);
			fail_job(j, ENT_ETIMEOUT, "picture took more CPU time than allowed");
			return;
		}
		atomic_fetch_add(&p->crashed, 1);
		if (attempt > 0 || pool_stopping(p)) {
			fail_job(j, ENT_EFORMAT, "picture refused: it could not be decoded safely");
			return;
		}
		atomic_fetch_add(&p->retried, 1);
	}
}

static void *slot_main(void *arg)
{
	struct slot *s = arg;
	struct img_pool *p = s->p;
	for (;;) {
		if (atomic_load(&s->pid) <= 0) {
			pthread_mutex_lock(&p->mu);
			bool stop = p->stopping;
			pthread_mutex_unlock(&p->mu);
			if (stop)
				break;
			if (spawn_worker(s)) {
				/* do not spin: try again in a second, or at the next job */
				struct timespec t = {1, 0};
				nanosleep(&t, NULL);
			}
		}
		pthread_mutex_lock(&p->mu);
		if (!p->head && !p->stopping) {
			/* idle: wake up now and then to replace a worker that died meanwhile */
			struct timespec t;
			clock_gettime(CLOCK_REALTIME, &t);
			t.tv_nsec += 500000000L;
			if (t.tv_nsec >= 1000000000L) {
				t.tv_sec++;
				t.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&p->cv, &p->mu, &t);
		}
		struct img_job *j = p->head;
		if (!j && !p->stopping) {
			pthread_mutex_unlock(&p->mu);
			reap_idle(s);
			continue;
		}
		if (!j) { /* stopping, nothing left */
			pthread_mutex_unlock(&p->mu);
			break;
		}
		p->head = j->next;
		if (!p->head)
			p->tail = NULL;
		p->n_queued--;
		p->n_busy++;
		pthread_mutex_unlock(&p->mu);
		run_job(s, j);
		pthread_mutex_lock(&p->mu);
		p->n_busy--;
		pthread_mutex_unlock(&p->mu);
		j->done(j->arg); /* the last touch: the caller may free j from here on */
	}
	end_worker(s, 2000, false);
	return NULL;
}

int img_pool_default_exe(char *out, size_t cap)
{
	const char *env = getenv("ENTRAIDE_IMAGED");
	if (env && *env) {
		int n = snprintf(out, cap, "%s", env);
		return n > 0 && (size_t)n < cap ? 0 : -1;
	}
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return -1;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	int k = snprintf(out, cap, "%s/entraide-imaged", self);
	return k > 0 && (size_t)k < cap ? 0 : -1;
}

enum ent_err img_pool_start(const struct img_pool_opts *o, struct img_pool **out)
{
	if (!o->workers || o->workers > 64 || !o->job_ms)
		return ENT_EINVAL;
	struct img_pool *p = calloc(1, sizeof *p);
	if (!p)
		return ENT_ENOMEM;
	p->o = *o;
	if (o->exe)
		snprintf(p->exe, sizeof p->exe, "%s", o->exe);
	else if (img_pool_default_exe(p->exe, sizeof p->exe)) {
		free(p);
		return ENT_ENOTFOUND;
	}
	snprintf(p->mem_arg, sizeof p->mem_arg, "%llu",
		 (unsigned long long)(o->memory / o->workers));
	snprintf(p->nice_arg, sizeof p->nice_arg, "%d", o->nice);
	p->queue_cap = o->queue ? o->queue : o->workers;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->slots = calloc(o->workers, sizeof *p->slots);
	if (!p->slots) {
		img_pool_free(p);
		return ENT_ENOMEM;
	}
	enum ent_err err = ENT_OK;
	for (unsigned i = 0; i < o->workers && !err; i++) {
		struct slot *s = &p->slots[i];
		s->p = p;
		s->idx = i;
		s->fd = -1;
		if (pthread_create(&s->th, NULL, slot_main, s))
			err = ENT_ENOMEM;
		else
			s->started = true;
	}
	if (err) {
		img_pool_stop(p);
		img_pool_free(p);
		return err;
	}
	*out = p;
	return ENT_OK;
}

void img_pool_stop(struct img_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	if (p->stopping) {
		pthread_mutex_unlock(&p->mu);
		return;
	}
	p->stopping = true;
	struct img_job *waiting = p->head;
	p->head = p->tail = NULL;
	p->n_queued = 0;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	while (waiting) {
		struct img_job *j = waiting;
		waiting = j->next;
		fail_job(j, ENT_EBUSY, "the server is stopping");
		j->done(j->arg);
	}
	for (unsigned i = 0; i < p->o.workers; i++)
		if (p->slots[i].started)
			pthread_join(p->slots[i].th, NULL);
}

void img_pool_free(struct img_pool *p)
{
	if (!p)
		return;
	free(p->slots);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
}

enum ent_err img_pool_submit(struct img_pool *p, const uint8_t *in, size_t len,
			     const struct ent_img_opts *o, void (*done)(void *arg), void *arg,
			     struct img_job **out)
{
	size_t max = o->max_bytes ? o->max_bytes : ENT_IMG_DEFAULT_MAX_BYTES;
	if (len > max || len > ((size_t)1 << 31))
		return ENT_ETOOBIG;
	if (o->n_masks > IMG_WIRE_MAX_MASKS)
		return ENT_EINVAL;
	pthread_mutex_lock(&p->mu);
	bool full = p->stopping || p->n_queued + p->n_busy >= p->o.workers + p->queue_cap;
	pthread_mutex_unlock(&p->mu);
	if (full) {
		atomic_fetch_add(&p->refused_busy, 1);
		return ENT_EBUSY;
	}
	struct img_job *j = calloc(1, sizeof *j);
	if (!j)
		return ENT_ENOMEM;
	j->in = malloc(len ? len : 1);
	if (!j->in) {
		free(j);
		return ENT_ENOMEM;
	}
	memcpy(j->in, in, len);
	struct img_wire_job *h = &j->hdr;
	h->magic = IMG_WIRE_MAGIC;
	h->out_format = o->out_format;
	h->faces_mode = o->faces_mode;
	h->jpeg_quality = o->jpeg_quality;
	h->n_masks = (uint32_t)o->n_masks;
	h->max_side = o->max_side;
	h->time_budget_ms = o->time_budget_ms;
	h->max_pixels = o->max_pixels;
	h->max_bytes = max;
	h->len = len;
	if (o->n_masks)
		memcpy(h->masks, o->masks, o->n_masks * sizeof *o->masks);
	j->done = done;
	j->arg = arg;
	pthread_mutex_lock(&p->mu);
	full = p->stopping || p->n_queued + p->n_busy >= p->o.workers + p->queue_cap;
	if (!full) {
		if (p->tail)
			p->tail->next = j;
		else
			p->head = j;
		p->tail = j;
		p->n_queued++;
		pthread_cond_signal(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	if (full) {
		atomic_fetch_add(&p->refused_busy, 1);
		img_job_free(j);
		return ENT_EBUSY;
	}
	*out = j;
	return ENT_OK;
}

enum ent_err img_job_result(struct img_job *j, struct ent_img_result *res)
{
	*res = j->res;
	memset(&j->res, 0, sizeof j->res);
	res->reason = j->err ? j->reason : NULL;
	return j->err;
}

void img_job_free(struct img_job *j)
{
	if (!j)
		return;
	free(j->in);
	ent_img_result_clear(&j->res);
	free(j);
}

void img_pool_stats(struct img_pool *p, struct img_pool_stats *s)
{
	memset(s, 0, sizeof *s);
	pthread_mutex_lock(&p->mu);
	s->busy = p->n_busy;
	s->queued = p->n_queued;
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < p->o.workers; i++)
		s->workers += atomic_load(&p->slots[i].pid) > 0;
	s->jobs = atomic_load(&p->jobs);
	s->crashed = atomic_load(&p->crashed);
	s->timed_out = atomic_load(&p->timed_out);
	s->refused_busy = atomic_load(&p->refused_busy);
	s->started = atomic_load(&p->started);
	s->retried = atomic_load(&p->retried);
}

pid_t img_pool_worker_pid(struct img_pool *p, unsigned i)
{
	return i < p->o.workers ? atomic_load(&p->slots[i].pid) : 0;
}
