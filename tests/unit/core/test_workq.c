/* test_workq.c - the queue behind serve's writer and hashing threads (core/workq.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>

#include "core/workq.h"

struct job {
	struct workq_item link;
	int no;
};

struct seen {
	sem_t gate;          /* run waits on it when gated */
	bool gated;
	int order[64];
	atomic_int n, calls;
};

static void record(struct workq_item *list, void *ctx)
{
	struct seen *s = ctx;
	if (s->gated)
		sem_wait(&s->gate);
	atomic_fetch_add(&s->calls, 1);
	for (struct workq_item *it = list; it; it = it->next)
		s->order[atomic_fetch_add(&s->n, 1)] = WORKQ_JOB(it, struct job, link)->no;
}

/* Every job queued before stop runs, once, in order; a push after stop is refused. */
static void stop_drains_in_order(void **state)
{
	(void)state;
	for (int batch = 0; batch < 2; batch++) {
		struct seen s = {0};
		struct job jobs[40];
		struct workq *q;
		assert_int_equal(workq_start(&q, 1, batch, record, &s), ENT_OK);
		for (int i = 0; i < 40; i++) {
			jobs[i].no = i;
			assert_int_equal(workq_push(q, &jobs[i].link, 64, true), WORKQ_QUEUED);
		}
		workq_stop(q);
		assert_int_equal(atomic_load(&s.n), 40);
		for (int i = 0; i < 40; i++)
			assert_int_equal(s.order[i], i);
		if (!batch)
			assert_int_equal(atomic_load(&s.calls), 40);
		struct job late = {.no = 99};
		assert_int_equal(workq_push(q, &late.link, 64, false), WORKQ_STOPPING);
		workq_stop(q); /* twice is fine */
		workq_free(q);
	}
}

/* Past max waiting jobs a push without wait is refused; the queued ones still run. Several
 * threads take one job each. */
static void full_queue_refuses(void **state)
{
	(void)state;
	struct seen s = {.gated = true};
	sem_init(&s.gate, 0, 0);
	struct job jobs[8];
	struct workq *q;
	assert_int_equal(workq_start(&q, 2, false, record, &s), ENT_OK);
	int queued = 0, full = 0;
	for (int i = 0; i < 8; i++) {
		jobs[i].no = i;
		enum workq_pushed how = workq_push(q, &jobs[i].link, 3, false);
		queued += how == WORKQ_QUEUED;
		full += how == WORKQ_FULL;
	}
	/* two threads may each hold one job, blocked on the gate; three wait: 3 to 5 taken */
	assert_true(queued >= 3 && queued <= 5);
	assert_int_equal(queued + full, 8);
	for (int i = 0; i < queued; i++)
		sem_post(&s.gate);
	workq_free(q);
	assert_int_equal(atomic_load(&s.n), queued);
	sem_destroy(&s.gate);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stop_drains_in_order),
		cmocka_unit_test(full_queue_refuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
