/*
 * img_pool.h - untrusted pictures are decoded, examined, covered and re-encoded in worker
 * processes, so that a decoder crash, a memory bomb or an endless loop costs one upload and
 * never the server (rule R1 stays with the sanitizer; this is where it runs).
 *
 * `serve` starts a small pool (img_pool_start); each worker is the separate binary
 * `entraide-imaged image-worker` (src/cli/imaged/; exec'd, so it starts single-threaded and
 * clean whatever threads the server has, and the only program that links the codecs and the
 * face detectors: the server maps none of them), talks over one socketpair, loads its own face detectors, limits its address
 * space, drops to a seccomp filter (img_worker.c) and then takes one job at a time. A parent
 * thread per worker sends the job, waits for the answer under a wall-clock deadline and a
 * CPU limit, and replaces a worker that crashed, overran or answered nonsense. Callers submit
 * a job and are called back when it ends (img_pool_submit); a full pool answers ENT_EBUSY at
 * once instead of queueing without bound.
 * Not responsible for: what sanitizing does (img_sanitize.c), HTTP (api_image.c suspends the
 * request and resumes it from the callback).
 */
#ifndef ENT_PRIV_IMG_POOL_H
#define ENT_PRIV_IMG_POOL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "entraide/err.h"
#include "entraide/image.h"

struct img_pool_opts {
	unsigned workers;       /* processes; 0 is refused (callers decode in process instead) */
	uint64_t memory;        /* bytes across the pool: each worker may grow by memory/workers */
	unsigned job_ms;        /* wall-clock deadline of one job, from when a worker takes it */
	unsigned queue;         /* jobs waiting for a worker beyond the busy ones; 0 = workers */
	int nice;               /* workers' nice value (the HTTP threads stay ahead of them) */
	const char *exe;        /* the binary to run; NULL = img_pool_default_exe() */
};

/* The worker binary: $ENTRAIDE_IMAGED when set, else entraide-imaged in the directory of the
 * running program (build/ next to build/entraide; the same directory once installed).
 * 0 done, -1 when it does not fit in cap or /proc/self/exe cannot be read. */
int img_pool_default_exe(char *out, size_t cap);

struct img_pool;
struct img_job;

/* Starts the workers (waiting for each to say it is ready, a few seconds at most). */
enum ent_err img_pool_start(const struct img_pool_opts *o, struct img_pool **out);
/* Refuses new jobs, fails the waiting ones (their callbacks run, with ENT_EBUSY), lets the
 * running ones end or kills them at their deadline, stops the workers. The pool stays
 * allocated so late callers get ENT_EBUSY; img_pool_free() releases it. */
void img_pool_stop(struct img_pool *p);
void img_pool_free(struct img_pool *p);

/* Hands a copy of len bytes at in to the pool with the options of o (masks copied; o->faces
 * is ignored: workers have their own detectors). done(arg) is called once, from a pool
 * thread, when the job has ended; the job must not be freed before. ENT_EBUSY when the pool
 * is saturated or stopping (done is then not called), ENT_ETOOBIG when len is over
 * o->max_bytes, ENT_ENOMEM. */
enum ent_err img_pool_submit(struct img_pool *p, const uint8_t *in, size_t len,
			     const struct ent_img_opts *o, void (*done)(void *arg), void *arg,
			     struct img_job **out);
/* After done(): the sanitizer's result, moved into res (data and regions become the
 * caller's; res->reason points into the job, valid until img_job_free). A job whose worker
 * died (crashed or was killed) is sent once more to a fresh worker; when that one dies too
 * the job gives ENT_EFORMAT ("refused"). One that overran gives ENT_ETIMEOUT at once. */
enum ent_err img_job_result(struct img_job *j, struct ent_img_result *res);
void img_job_free(struct img_job *j);

/* Counters for /metrics and the tests. */
struct img_pool_stats {
	unsigned workers, busy, queued;
	uint64_t jobs, crashed, timed_out, refused_busy, started;
	uint64_t retried; /* jobs sent again to a fresh worker after their first one died */
};
void img_pool_stats(struct img_pool *p, struct img_pool_stats *s);
/* The pid of worker i (0 when it is not running), for the tests that kill one. */
pid_t img_pool_worker_pid(struct img_pool *p, unsigned i);

/* --- the worker side (img_worker.c) --- */

/* Runs the worker loop on fd (a connected socket): loads the detectors, caps its address
 * space at what it uses after start-up plus memory bytes (none when 0), lowers its priority
 * by nice_value, enters the seccomp filter, then answers jobs until the parent closes.
 * Returns the exit status. */
int img_worker_main(int fd, uint64_t memory, int nice_value);
/* Blocking reads and writes of exactly n bytes on the worker's socket; 0 done, -1 closed or
 * failed. */
int img_wire_read(int fd, void *p, size_t n);
int img_wire_write(int fd, const void *p, size_t n);

/* --- the wire between them: fixed little headers, then bytes --- */
#define IMG_WIRE_MAGIC 0x31574945u /* "EIW1" */
#define IMG_WIRE_MAX_MASKS 64
#define IMG_WIRE_MAX_OUT ((uint64_t)128 << 20)
#define IMG_WIRE_MAX_REGIONS 4096

struct img_wire_hello {
	uint32_t magic;
	int32_t faces_err;      /* enum ent_err of loading the detectors */
	uint64_t limit;         /* the address-space limit the worker set (0: none) */
};

struct img_wire_job {
	uint32_t magic;
	int32_t out_format, faces_mode;
	int32_t jpeg_quality;
	uint32_t n_masks;
	uint32_t max_side, time_budget_ms;
	uint32_t pad;
	uint64_t max_pixels, max_bytes, len;
	struct ent_img_rect masks[IMG_WIRE_MAX_MASKS];
};

struct img_wire_res {
	uint32_t magic;
	int32_t err;
	int32_t format, in_format, width, height, orientation;
	uint32_t removed;
	uint32_t n_regions, n_faces;
	uint64_t len;
	char reason[120];
};

struct img_wire_region {
	int32_t x, y, w, h, source;
};

#endif
