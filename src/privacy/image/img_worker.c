/*
 * img_worker.c - the worker side of the picture pool (see img_pool.h): `entraide image-worker`.
 *
 * Start-up, while everything is still allowed: close every inherited descriptor but the
 * socket, never dump core (a core file would hold someone's picture), die with the parent,
 * load the face detectors, run one small warm-up job per output format (so libraries finish
 * their lazy set-up: OpenCV's buffers, lcms2, libwebp's tables), lower the priority, then
 * cap the address space at what it uses now plus this worker's share of the pool's memory
 * budget and enter the seccomp filter. Only then does it say hello and take jobs.
 *
 * The filter (libseccomp) allows what decoding, detecting and encoding need once set up:
 * reading the job from and writing the answer to the socket it already has, memory
 * (brk/mmap/munmap/mremap/mprotect/madvise), futexes and thread creation for the codecs'
 * helper threads (clone with CLONE_THREAD only; clone3 answers ENOSYS so the C library falls
 * back to clone, whose flags the filter can read), clocks, and exiting. open/openat answer
 * EACCES (a library probing /proc or /sys gets a clean refusal); every other call (socket,
 * connect, execve, fork, ptrace, kill, rt_sigaction, setrlimit...) ends the process with
 * SIGSYS through a handler that writes the call's number to stderr first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "privacy/image/img.h"
#include "privacy/image/img_pool.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

int img_wire_read(int fd, void *p, size_t n)
{
	uint8_t *b = p;
	while (n) {
		ssize_t r = read(fd, b, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		b += r;
		n -= (size_t)r;
	}
	return 0;
}

int img_wire_write(int fd, const void *p, size_t n)
{
	const uint8_t *b = p;
	while (n) {
		ssize_t w = write(fd, b, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

/* SIGSYS from the filter: say which call, then go (async-signal-safe calls only). */
static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	char m[96] = "{\"level\":\"error\",\"msg\":\"image worker: blocked system call\",\"nr\":";
	size_t n = strlen(m);
	int nr = si->si_syscall;
	char d[12];
	int k = 0;
	if (nr < 0)
		nr = 0;
	do {
		d[k++] = (char)('0' + nr % 10);
		nr /= 10;
	} while (nr && k < 11);
	while (k && n < sizeof m - 4)
		m[n++] = d[--k];
	m[n++] = '}';
	m[n++] = '\n';
	(void)!write(2, m, n);
	_exit(128 + sig);
}

static int add(scmp_filter_ctx f, uint32_t action, int nr)
{
	return seccomp_rule_add(f, action, nr, 0);
}

static int enter_sandbox(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL))
		return -1;
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_TRAP);
	if (!f)
		return -1;
	static const int allowed[] = {
		SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev),
		SCMP_SYS(close), SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(lseek),
		SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap),
		SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(set_robust_list),
		SCMP_SYS(get_robust_list), SCMP_SYS(rseq), SCMP_SYS(sched_yield),
		SCMP_SYS(sched_getaffinity), SCMP_SYS(getpid), SCMP_SYS(gettid),
		SCMP_SYS(getrandom), SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
		SCMP_SYS(gettimeofday), SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep),
		SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack),
		SCMP_SYS(tgkill), SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(sysinfo),
		SCMP_SYS(getrusage), SCMP_SYS(restart_syscall),
	};
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof allowed / sizeof allowed[0]; i++)
		rc = add(f, SCMP_ACT_ALLOW, allowed[i]);
	/* prlimit64 only to read a limit: the new limit pointer must be NULL */
	struct scmp_arg_cmp read_only = {.arg = 2, .op = SCMP_CMP_EQ, .datum_a = 0, .datum_b = 0};
	if (!rc)
		rc = seccomp_rule_add_array(f, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1, &read_only);
	/* threads only: CLONE_THREAD set */
	struct scmp_arg_cmp thread = {.arg = 0, .op = SCMP_CMP_MASKED_EQ, .datum_a = CLONE_THREAD,
				      .datum_b = CLONE_THREAD};
	if (!rc)
		rc = seccomp_rule_add_array(f, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1, &thread);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 0);
	if (!rc)
		rc = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0);
	if (!rc)
		rc = seccomp_load(f);
	seccomp_release(f);
	return rc ? -1 : 0;
}

static void *no_op(void *arg)
{
	return arg;
}

/* One small picture through every encoder and back through the whole pipeline. */
static void warm_up(struct ent_img_faces *faces)
{
	struct ent_img_opts o = {.faces = faces,
				 .faces_mode = faces ? ENT_IMG_FACES_COVER : ENT_IMG_FACES_KEEP};
	struct img_ctx c;
	struct img_px px;
	img_ctx_init(&c, &o);
	/* large enough for every detector to run its full path once (models, buffers, lazy
	 * loads): a file a detector opened only after the filter would be refused */
	if (img_px_alloc(&c, &px, 320, 240, 3)) {
		img_ctx_clear(&c);
		return;
	}
	for (int y = 0; y < px.h; y++)
		for (int x = 0; x < px.w * 3; x++)
			px.px[(size_t)y * px.stride + (size_t)x] = (uint8_t)(x * 2 + y);
	for (int f = 0; f < 3; f++) {
		uint8_t *file = NULL;
		size_t len = 0;
		enum ent_err err = f == 0   ? img_jpeg_encode(&c, &px, 90, 1, &file, &len)
				   : f == 1 ? img_png_encode(&c, &px, &file, &len)
					    : img_webp_encode(&c, &px, 0, 80, &file, &len);
		if (!err) {
			struct ent_img_result r = {0};
			/* the detectors once (their models and buffers), the decoders each */
			o.faces_mode = f == 0 && faces ? ENT_IMG_FACES_COVER : ENT_IMG_FACES_KEEP;
			(void)ent_img_sanitize(file, len, &o, &r);
			ent_img_result_clear(&r);
		}
		free(file);
	}
	img_px_free(&px);
	img_ctx_clear(&c);
}

#ifndef UNDER_ASAN
/* VmSize in bytes, from /proc/self/statm (before the filter closes open()). */
static uint64_t vm_size(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long pages = 0;
	if (!f)
		return 0;
	if (fscanf(f, "%lu", &pages) != 1)
		pages = 0;
	fclose(f);
	return (uint64_t)pages * (uint64_t)sysconf(_SC_PAGESIZE);
}
#endif

static void answer(int fd, const struct img_wire_job *j, const uint8_t *in,
		   struct ent_img_faces *faces)
{
	struct ent_img_opts o = {
		.out_format = (enum ent_img_format)j->out_format,
		.faces_mode = (enum ent_img_faces_mode)j->faces_mode,
		.faces = faces,
		.masks = j->masks,
		.n_masks = j->n_masks,
		.max_bytes = (size_t)j->max_bytes,
		.max_side = j->max_side,
		.max_pixels = j->max_pixels,
		.time_budget_ms = j->time_budget_ms,
		.jpeg_quality = j->jpeg_quality,
	};
	struct ent_img_result r = {0};
	struct img_wire_res w;
	memset(&w, 0, sizeof w);
	w.magic = IMG_WIRE_MAGIC;
	enum ent_err err;
	if (o.faces_mode == ENT_IMG_FACES_COVER && !faces) {
		err = ENT_EINTERNAL;
		r.reason = "face detector unavailable";
	} else {
		err = ent_img_sanitize(in, (size_t)j->len, &o, &r);
	}
	w.err = err;
	w.format = r.format;
	w.in_format = r.in_format;
	w.width = r.width;
	w.height = r.height;
	w.orientation = r.orientation;
	w.removed = r.removed;
	w.n_regions = (uint32_t)r.n_regions;
	w.n_faces = (uint32_t)r.n_faces;
	w.len = err ? 0 : r.len;
	snprintf(w.reason, sizeof w.reason, "%s", r.reason ? r.reason : "");
	int bad = img_wire_write(fd, &w, sizeof w);
	for (size_t i = 0; !bad && i < r.n_regions; i++) {
		const struct ent_img_region *g = &r.regions[i];
		struct img_wire_region x = {g->rect.x, g->rect.y, g->rect.w, g->rect.h, g->source};
		bad = img_wire_write(fd, &x, sizeof x);
	}
	if (!bad && w.len)
		bad = img_wire_write(fd, r.data, r.len);
	ent_img_result_clear(&r);
	if (bad)
		_exit(3);
}

int img_worker_main(int fd, uint64_t memory, int nice_value)
{
	/* nothing of the server's but the socket: no database, no listening socket */
	int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (devnull >= 0) {
		dup2(devnull, 0);
		dup2(devnull, 1);
	}
	if (fd != 3 && dup2(fd, 3) == 3) {
		close(fd);
		fd = 3;
	}
	syscall(SYS_close_range, 4u, ~0u, 0u);
	struct rlimit core = {0, 0};
	setrlimit(RLIMIT_CORE, &core);
	prctl(PR_SET_DUMPABLE, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		return 1; /* the parent is already gone */

	/* One thread: the pool, not the codecs, spreads pictures over the cores. The
	 * OPENCV_FOR_THREADS_NUM=1 the pool sets does not stop Debian's OpenCV, built with TBB:
	 * its parallel loops ran on a TBB worker thread of their own, which then spun in
	 * sched_yield, in every worker (two workers kept four threads busy on two cores). */
	ent_img_set_threads(1);
	/* A picture's buffers (a 12 MP photo decoded is 36 MB, then its copies) were above
	 * glibc's mmap threshold: each was mapped, faulted in page by page and unmapped again,
	 * every picture. Up to 64 MB they now come from the heap, and up to 64 MB of free heap
	 * is kept for the next picture: ~25% fewer page faults and ~10% less CPU over the
	 * bench/image batch. Larger buffers (a 50 MP PNG) are still mapped and given back. */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
	struct ent_img_faces *faces = NULL;
	const char *why = NULL;
	enum ent_err faces_err = ent_img_faces_new(&faces, &why);
	if (faces_err)
		faces = NULL;
	warm_up(faces);
	/* glibc sets up its thread signals (rt_sigaction) on the first pthread_create of a
	 * process, which the filter forbids: make it here, before it. The first thread after the
	 * filter is libde265's, for a HEIF picture (OpenCV's TBB thread used to be the first). */
	pthread_t th;
	if (!pthread_create(&th, NULL, no_op, NULL))
		pthread_join(th, NULL);
	/* start-up at the server's priority (a replacement is ready sooner), jobs below it */
	if (nice_value > 0)
		(void)!nice(nice_value);

	struct img_wire_hello h = {IMG_WIRE_MAGIC, faces_err, 0};
#ifndef UNDER_ASAN /* ASan reserves terabytes of shadow: no address-space cap there */
	if (memory) {
		uint64_t base = vm_size();
		struct rlimit as = {(rlim_t)(base + memory), (rlim_t)(base + memory)};
		if (base && !setrlimit(RLIMIT_AS, &as))
			h.limit = base + memory;
	}
#else
	(void)memory;
#endif
	if (enter_sandbox()) {
		fprintf(stderr, "{\"level\":\"error\",\"msg\":\"image worker: seccomp filter not loaded\"}\n");
		return 1;
	}
	if (img_wire_write(fd, &h, sizeof h))
		return 1;
	for (;;) {
		struct img_wire_job j;
		if (img_wire_read(fd, &j, sizeof j))
			return 0; /* the parent closed: done */
		if (j.magic != IMG_WIRE_MAGIC || j.n_masks > IMG_WIRE_MAX_MASKS ||
		    j.len > j.max_bytes || j.len > ((uint64_t)1 << 31))
			return 2;
		uint8_t *in = malloc(j.len ? (size_t)j.len : 1);
		if (!in || img_wire_read(fd, in, (size_t)j.len))
			return 2;
		answer(fd, &j, in, faces);
		free(in);
	}
}
