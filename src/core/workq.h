/*
 * workq.h - jobs handed to a few threads of their own: `serve`'s writer thread (group commit,
 * api_writer.c) and its Argon2id threads (api_hasher.c) (issue 13).
 *
 * A job embeds a struct workq_item; the queue links it until a thread hands it to the run
 * function, and never frees it: the caller owns every job (in `serve`, the suspended request
 * that queued it). Jobs are taken in the order they were queued.
 * Not responsible for: what a job does (the run function), resuming requests.
 */
#ifndef ENT_CORE_WORKQ_H
#define ENT_CORE_WORKQ_H

#include <stdbool.h>
#include <stddef.h>

#include "entraide/err.h"

struct workq_item {
	struct workq_item *next;
};

/* The job that embeds item it as member. */
#define WORKQ_JOB(it, type, member) ((type *)(void *)((char *)(it) - offsetof(type, member)))

/* Called on a queue thread with the jobs taken: one job (batch false) or every job queued so
 * far, linked in order (batch true). Called without the queue's lock. */
typedef void (*workq_run_fn)(struct workq_item *list, void *ctx);

struct workq;

/* Starts up to n threads (at least one must start: else ENT_EINTERNAL) running run(.., ctx). */
enum ent_err workq_start(struct workq **out, unsigned n, bool batch, workq_run_fn run, void *ctx);

enum workq_pushed { WORKQ_QUEUED, WORKQ_FULL, WORKQ_STOPPING };
/* Queues it. With max waiting jobs already: waits for room when wait is true, else returns
 * WORKQ_FULL. WORKQ_STOPPING once workq_stop has begun (the caller runs the job itself). */
enum workq_pushed workq_push(struct workq *q, struct workq_item *it, size_t max, bool wait);

/* Runs every job queued so far, then joins the threads; pushes from then on get
 * WORKQ_STOPPING. Calling it again does nothing. */
void workq_stop(struct workq *q);
/* Stops q if needed and frees it; NULL does nothing. */
void workq_free(struct workq *q);

#endif
