/*
 * store_sqlite_vfs.c - a VFS over SQLite's default one that keeps recently read 4 KiB pages of
 * each database file and of its write-ahead log in one bounded cache shared by every
 * connection of the process (store_sqlite_vfs.h says why).
 * Not responsible for: SQLite's own per-connection page cache (cache_size, store_sqlite.c),
 * locking and I/O themselves (passed to the wrapped VFS), memory-mapped I/O (this VFS offers
 * none: its files have no xFetch, so SQLite reads through xRead).
 *
 * What is cached. Only reads of exactly one 4 KiB page by a connection whose database file has
 * its wal-index (the -shm file, region 0) mapped, that is in WAL mode:
 *   - the database file: a page at a multiple of 4096;
 *   - the log: the page of frame F (offset 32 + (F - 1) * 4120 + 24), when the wal-index's
 *     page size is 4096.
 * Everything else passes through: the database file before WAL mode is on, journals, temporary
 * files, the log's header, frame headers, recovery's whole-frame reads.
 *
 * The wal-index header, as SQLite 3.40 keeps it (wal.c, walformat.html): two 48-byte copies of
 * WalIndexHdr (mxFrame at +16, szPage at +14, isInit at +12, aSalt[2] at +32), written [1]
 * then [0] by a committer, then WalCkptInfo at +96 (nBackfill first). We read it as SQLite
 * does (walIndexTryHdr): [0], a barrier, [1], and trust it only when both copies are equal
 * and isInit is set. nBackfill is read before and after the header and must not have moved.
 *
 * Log frames: key (salt1, salt2, offset). Within one generation of the log (the same salts) a
 * committed frame is never written again: a writer appends after mxFrame and rewrites only
 * frames of its own open transaction (wal.c, iReCksum). A frame is stored only when F <=
 * mxFrame of the header read before the pread (so committed before it; a writer's uncommitted
 * frames are F > mxFrame and never stored), and only if the salts read again after the pread
 * are the same. The salts change only when the log restarts (walRestartHdr: salt1 + 1 and a
 * random salt2), which needs every read lock 1..N exclusively: no reader of the log can be
 * between its lookup and its pread then; the checkpointer reads frames <= mxSafeFrame while
 * nBackfill < mxFrame, and no restart happens until nBackfill == mxFrame.
 *
 * Database pages: key (salt1, salt2, nBackfill, offset). In WAL mode the file changes only by a
 * checkpoint's backfill, which copies frames (nBackfill, mxSafeFrame] into the file and then
 * stores nBackfill = mxSafeFrame (a restart stores 0 with new salts; recovery stores 0 with the
 * salts of the log on disk). A reader R reads page P from the file only when P has no frame in
 * its window [minFrame, m] of the log, where minFrame - 1 = nBackfill when R began (<= the
 * nBackfill now) and m is R's snapshot. mxSafeFrame is at most every reader's mark, so a
 * backfill copies only frames inside every live reader's window: while nBackfill = k, the pages
 * a backfill is changing are read from the log by everyone, and any page read from the file is
 * the same as after the backfill to k ("D_k(P)"). A reader that looks P up while nBackfill = k
 * wants D_k(P) = D_m(P) (no frame of P in (k, m]), and an entry stored under k holds D_k(P)
 * (read while nBackfill was k: the value read before and after the header, both before the
 * pread; if nBackfill moved on before the pread the page had no frame in between for that
 * reader either). Readers at read lock 0 (no log) cannot start during a backfill: the
 * checkpointer holds read lock 0 exclusively while it copies. Mixed readings around a restart
 * (the new header with the old nBackfill) are refused by nBackfill <= mxFrame, which holds in
 * every consistent state; the header is written before nBackfill and read before it here.
 *
 * Other processes write the same -shm file, mapped shared, so their commits, checkpoints
 * (PASSIVE, TRUNCATE) and restarts move the same header (tests/unit/store/
 * test_store_sqlite_vfs.c checks it with a forked writer). Writes and truncations made through
 * this VFS also drop what they touch: a write drops the pages it overlaps, a truncation of the
 * database file the pages past its new end, a truncation of the log every page of that
 * database (its cache id changes, the slots are zeroed), and a database whose last file closes
 * forgets its pages (a new one at the same path gets a new id).
 * The reasoning leans on the x86 memory order (loads are not reordered with loads, stores not
 * with stores) for SQLite's relaxed store of nBackfill after the header: on other processors
 * the VFS is not registered (sq_vfs_name() is NULL, SQLite's default VFS is used). It also
 * leans on SQLite 3.40's wal.c, whose wal-index format (iVersion 3007000) is checked on every
 * read: another format passes through.
 *
 * The cache: STORE_VFS_PAGES pages (2 MiB), in sets of N_WAYS slots chosen by a hash of the
 * key without its generation, each set under its own mutex; a page is copied in and out under
 * the lock. Eviction is CLOCK within a set (a hit sets the slot's bit; a new page starts
 * without it, so pages read once go first). The arena is allocated once and touched as it
 * fills.
 */
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "store/store_sqlite_vfs.h"

#define VFS_NAME "entraide-cache"
#define PAGE 4096
#define WAL_HDR 32
#define FRAME_HDR 24
#define FRAME (PAGE + FRAME_HDR)
#define N_SETS 128 /* a power of two */
#define N_WAYS 4 /* 512 pages: the room the per-connection caches leave under 30 MB (store_sqlite.c) */
#define STORE_VFS_PAGES (N_SETS * N_WAYS)
/* A write longer than this many pages drops the whole database instead of page by page. */
#define DROP_MAX 64
#define WALINDEX_VERSION 3007000u

enum kind { K_OTHER, K_MAIN, K_WAL };

/* One database file of the process: the id its pages are cached under. */
struct dbent {
	struct dbent *next;
	char *path;
	int refs;     /* open main files of this path; under reg_mu */
	uint32_t id;  /* atomic: a truncation of the log moves it to a fresh id */
};

struct vfile {
	sqlite3_file base;
	enum kind kind;
	struct dbent *db;            /* K_MAIN: a reference; K_WAL: NULL (see main) */
	struct vfile *main;          /* K_WAL: the database file of the same connection */
	const char *name;            /* K_MAIN: the name SQLite opened it by */
	volatile unsigned char *shm; /* K_MAIN: region 0 of the wal-index while mapped */
	struct vfile *next;          /* K_MAIN: in the list of open database files */
	sqlite3_file *real;          /* the wrapped VFS's file, after this struct */
};
#define REAL_OFF ((sizeof(struct vfile) + 15) & ~(size_t)15)

struct slot {
	uint64_t off;
	uint32_t db, kind; /* kind K_OTHER: empty */
	uint32_t tag[3];   /* salt1, salt2, nBackfill (0 for log frames) */
	uint32_t ref;
};

struct set {
	pthread_mutex_t mu;
	struct slot s[N_WAYS];
	unsigned hand;
};

static sqlite3_vfs vfs;
static const sqlite3_io_methods io_methods;
static struct set *sets;
static unsigned char *pages;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool registered;

static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static struct dbent *dbents;
static struct vfile *open_mains;
static uint32_t next_id; /* atomic */

static uint64_t n_hits, n_misses, n_stored, n_passed; /* atomic, relaxed */

static void count(uint64_t *c)
{
	__atomic_fetch_add(c, 1, __ATOMIC_RELAXED);
}

/* --- the wal-index header ------------------------------------------------------------------ */

struct gen {
	uint32_t salt1, salt2, mx, nb;
};

/* Reads the generation from region 0 of the wal-index; false when it cannot be trusted now
 * (being written, not initialised, another page size, or a restart half seen). */
static bool gen_read(volatile unsigned char *shm, struct gen *g)
{
	const volatile uint32_t *w = (const volatile uint32_t *)(const volatile void *)shm;
	uint32_t h0[12], h1[12];
	uint32_t nb1 = __atomic_load_n(&w[24], __ATOMIC_ACQUIRE);
	for (int i = 0; i < 12; i++)
		h0[i] = __atomic_load_n(&w[i], __ATOMIC_ACQUIRE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (int i = 0; i < 12; i++)
		h1[i] = __atomic_load_n(&w[12 + i], __ATOMIC_ACQUIRE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	uint32_t nb2 = __atomic_load_n(&w[24], __ATOMIC_ACQUIRE);
	if (memcmp(h0, h1, sizeof h0) || nb1 != nb2)
		return false;
	unsigned char b[16];
	memcpy(b, h0, sizeof b);
	uint16_t sz;
	memcpy(&sz, b + 14, sizeof sz);
	/* iVersion: the wal-index format this file was written for (WALINDEX_MAX_VERSION); a
	 * SQLite that changes it may change what the reasoning above leans on. */
	if (h0[0] != WALINDEX_VERSION || !b[12] || sz != PAGE)
		return false;
	g->mx = h0[4];
	g->salt1 = h0[8];
	g->salt2 = h0[9];
	g->nb = nb1;
	return g->nb <= g->mx;
}

bool sq_vfs_generation(const void *walindex, struct sq_vfs_gen *out)
{
	struct gen g;
	if (!gen_read((volatile unsigned char *)(uintptr_t)walindex, &g))
		return false;
	*out = (struct sq_vfs_gen){.salt1 = g.salt1, .salt2 = g.salt2, .mx_frame = g.mx,
				   .n_backfill = g.nb};
	return true;
}

/* --- the cache ----------------------------------------------------------------------------- */

static size_t set_index(uint32_t db, uint32_t kind, uint64_t off)
{
	uint64_t h = (off / PAGE + 1) * 0x9E3779B97F4A7C15ull;
	h ^= ((uint64_t)db << 8 | kind) * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 31;
	return (size_t)(h & (N_SETS - 1));
}

static struct slot *find(struct set *st, uint32_t db, uint32_t kind, uint64_t off)
{
	for (int i = 0; i < N_WAYS; i++) {
		struct slot *s = &st->s[i];
		if (s->kind == kind && s->db == db && s->off == off)
			return s;
	}
	return NULL;
}

static bool cache_get(uint32_t db, uint32_t kind, uint64_t off, const uint32_t tag[3], void *buf)
{
	size_t si = set_index(db, kind, off);
	struct set *st = &sets[si];
	bool hit = false;
	pthread_mutex_lock(&st->mu);
	struct slot *s = find(st, db, kind, off);
	if (s && !memcmp(s->tag, tag, sizeof s->tag)) {
		memcpy(buf, pages + (si * N_WAYS + (size_t)(s - st->s)) * PAGE, PAGE);
		s->ref = 1;
		hit = true;
	}
	pthread_mutex_unlock(&st->mu);
	return hit;
}

static void cache_put(uint32_t db, uint32_t kind, uint64_t off, const uint32_t tag[3],
		      const void *buf)
{
	size_t si = set_index(db, kind, off);
	struct set *st = &sets[si];
	pthread_mutex_lock(&st->mu);
	struct slot *s = find(st, db, kind, off);
	for (int i = 0; !s && i < N_WAYS; i++)
		if (st->s[i].kind == K_OTHER)
			s = &st->s[i];
	while (!s) {
		struct slot *c = &st->s[st->hand];
		st->hand = (st->hand + 1) % N_WAYS;
		if (c->ref)
			c->ref = 0;
		else
			s = c;
	}
	memcpy(pages + (si * N_WAYS + (size_t)(s - st->s)) * PAGE, buf, PAGE);
	s->off = off;
	s->db = db;
	s->kind = kind;
	memcpy(s->tag, tag, sizeof s->tag);
	s->ref = 0;
	pthread_mutex_unlock(&st->mu);
	count(&n_stored);
}

static void cache_drop(uint32_t db, uint32_t kind, uint64_t off)
{
	struct set *st = &sets[set_index(db, kind, off)];
	pthread_mutex_lock(&st->mu);
	struct slot *s = find(st, db, kind, off);
	if (s)
		s->kind = K_OTHER;
	pthread_mutex_unlock(&st->mu);
}

/* Every page of the database, log included, out of reach at once: the old id is never
 * looked up again, and its slots are reused as CLOCK comes round. */
static void db_forget(struct dbent *d)
{
	uint32_t id = __atomic_add_fetch(&next_id, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&d->id, id, __ATOMIC_RELEASE);
}

/* --- the database registry ------------------------------------------------------------------ */

static struct dbent *db_attach(const char *path)
{
	pthread_mutex_lock(&reg_mu);
	struct dbent *d = dbents;
	while (d && strcmp(d->path, path))
		d = d->next;
	if (!d && (d = calloc(1, sizeof *d)) != NULL) {
		d->path = strdup(path);
		if (!d->path) {
			free(d);
			d = NULL;
		} else {
			d->id = __atomic_add_fetch(&next_id, 1, __ATOMIC_RELAXED);
			d->next = dbents;
			dbents = d;
		}
	}
	if (d)
		d->refs++;
	pthread_mutex_unlock(&reg_mu);
	return d;
}

static void db_detach(struct dbent *d)
{
	pthread_mutex_lock(&reg_mu);
	if (--d->refs == 0) {
		struct dbent **p = &dbents;
		while (*p != d)
			p = &(*p)->next;
		*p = d->next;
		free(d->path);
		free(d);
	}
	pthread_mutex_unlock(&reg_mu);
}

/* --- the file methods ----------------------------------------------------------------------- */

#define F(p) ((struct vfile *)(p))
#define R(p) (F(p)->real)

static int v_close(sqlite3_file *p)
{
	struct vfile *f = F(p);
	if (f->kind == K_MAIN) {
		pthread_mutex_lock(&reg_mu);
		struct vfile **l = &open_mains;
		while (*l && *l != f)
			l = &(*l)->next;
		if (*l)
			*l = f->next;
		pthread_mutex_unlock(&reg_mu);
		db_detach(f->db);
	}
	int rc = SQLITE_OK;
	if (f->real->pMethods)
		rc = f->real->pMethods->xClose(f->real);
	f->kind = K_OTHER;
	return rc;
}

static int v_read(sqlite3_file *p, void *buf, int amt, sqlite3_int64 off)
{
	struct vfile *f = F(p);
	struct vfile *m = f->kind == K_WAL ? f->main : f;
	struct gen g;
	uint32_t kind = K_OTHER, tag[3] = {0, 0, 0};
	if (amt == PAGE && f->kind != K_OTHER && m && m->shm && gen_read(m->shm, &g)) {
		if (f->kind == K_MAIN && off % PAGE == 0) {
			kind = K_MAIN;
			tag[2] = g.nb;
		} else if (f->kind == K_WAL && off >= WAL_HDR + FRAME_HDR &&
			   (off - WAL_HDR - FRAME_HDR) % FRAME == 0 &&
			   (uint64_t)(off - WAL_HDR - FRAME_HDR) / FRAME + 1 <= g.mx) {
			kind = K_WAL;
		}
		tag[0] = g.salt1;
		tag[1] = g.salt2;
	}
	if (kind == K_OTHER) {
		count(&n_passed);
		return f->real->pMethods->xRead(f->real, buf, amt, off);
	}
	uint32_t db = __atomic_load_n(&m->db->id, __ATOMIC_ACQUIRE);
	if (cache_get(db, kind, (uint64_t)off, tag, buf)) {
		count(&n_hits);
		return SQLITE_OK;
	}
	count(&n_misses);
	int rc = f->real->pMethods->xRead(f->real, buf, amt, off);
	if (rc != SQLITE_OK)
		return rc; /* short reads included: a page past the end is not cached */
	struct gen g2;
	if (!m->shm || !gen_read(m->shm, &g2) || g2.salt1 != g.salt1 || g2.salt2 != g.salt2)
		return rc;
	cache_put(db, kind, (uint64_t)off, tag, buf);
	return rc;
}

/* Drops the cached pages a write of [off, off + amt) overlaps. */
static void drop_range(struct vfile *f, int amt, sqlite3_int64 off)
{
	struct vfile *m = f->kind == K_WAL ? f->main : f;
	if (f->kind == K_OTHER || !m || amt <= 0 || off < 0)
		return;
	if (amt > DROP_MAX * FRAME) {
		db_forget(m->db);
		return;
	}
	uint32_t db = __atomic_load_n(&m->db->id, __ATOMIC_ACQUIRE);
	uint64_t lo = (uint64_t)off, hi = lo + (uint64_t)amt;
	if (f->kind == K_MAIN) {
		for (uint64_t pg = lo / PAGE; pg * PAGE < hi; pg++)
			cache_drop(db, K_MAIN, pg * PAGE);
		return;
	}
	uint64_t first = lo > WAL_HDR + FRAME_HDR + PAGE ? (lo - WAL_HDR - FRAME_HDR - PAGE) / FRAME
							 : 0;
	for (uint64_t k = first;; k++) {
		uint64_t d = WAL_HDR + FRAME_HDR + k * FRAME;
		if (d >= hi)
			break;
		if (d + PAGE > lo)
			cache_drop(db, K_WAL, d);
	}
}

static int v_write(sqlite3_file *p, const void *buf, int amt, sqlite3_int64 off)
{
	int rc = R(p)->pMethods->xWrite(R(p), buf, amt, off);
	/* After the write: a reader that read the old bytes and stored them meanwhile is
	 * dropped too. */
	drop_range(F(p), amt, off);
	return rc;
}

/* Empties and zeroes the slots of database id db of kind `kind` (K_OTHER: both) at offset
 * `from` or past it. */
static void db_wipe(uint32_t db, uint32_t kind, uint64_t from)
{
	for (size_t si = 0; si < N_SETS; si++) {
		struct set *st = &sets[si];
		pthread_mutex_lock(&st->mu);
		for (int i = 0; i < N_WAYS; i++) {
			struct slot *s = &st->s[i];
			if (s->kind != K_OTHER && s->db == db && (kind == K_OTHER || s->kind == kind) &&
			    s->off >= from) {
				s->kind = K_OTHER;
				memset(pages + (si * N_WAYS + (size_t)i) * PAGE, 0, PAGE);
			}
		}
		pthread_mutex_unlock(&st->mu);
	}
}

/* The database file: SQLite truncates it to its size after every complete checkpoint (wal.c),
 * which changes no page below that size: only the pages past it go. The log: a truncation is
 * how deleted data leaves the files (secure_delete, then a TRUNCATE checkpoint: store_sqlite.c),
 * so every copy of that database leaves memory with it (the database pages cached before the
 * checkpoint hold the bytes it overwrote) instead of waiting for CLOCK to reuse their slots. */
static int v_truncate(sqlite3_file *p, sqlite3_int64 size)
{
	int rc = R(p)->pMethods->xTruncate(R(p), size);
	struct vfile *f = F(p);
	struct vfile *m = f->kind == K_WAL ? f->main : f;
	if (f->kind == K_MAIN) {
		db_wipe(__atomic_load_n(&m->db->id, __ATOMIC_ACQUIRE), K_MAIN, size > 0 ? (uint64_t)size : 0);
	} else if (f->kind == K_WAL && m) {
		uint32_t old = __atomic_load_n(&m->db->id, __ATOMIC_ACQUIRE);
		db_forget(m->db);
		db_wipe(old, K_OTHER, 0);
	}
	return rc;
}

static int v_sync(sqlite3_file *p, int flags)
{
	return R(p)->pMethods->xSync(R(p), flags);
}

static int v_file_size(sqlite3_file *p, sqlite3_int64 *size)
{
	return R(p)->pMethods->xFileSize(R(p), size);
}

static int v_lock(sqlite3_file *p, int lock)
{
	return R(p)->pMethods->xLock(R(p), lock);
}

static int v_unlock(sqlite3_file *p, int lock)
{
	return R(p)->pMethods->xUnlock(R(p), lock);
}

static int v_check_reserved(sqlite3_file *p, int *out)
{
	return R(p)->pMethods->xCheckReservedLock(R(p), out);
}

static int v_file_control(sqlite3_file *p, int op, void *arg)
{
	return R(p)->pMethods->xFileControl(R(p), op, arg);
}

static int v_sector_size(sqlite3_file *p)
{
	return R(p)->pMethods->xSectorSize(R(p));
}

static int v_device(sqlite3_file *p)
{
	return R(p)->pMethods->xDeviceCharacteristics(R(p));
}

static int v_shm_map(sqlite3_file *p, int region, int size, int extend, void volatile **out)
{
	int rc = R(p)->pMethods->xShmMap(R(p), region, size, extend, out);
	/* SQLITE_READONLY (a read-only -shm) is left alone: nothing is cached then. */
	if (F(p)->kind == K_MAIN && region == 0 && rc == SQLITE_OK && *out)
		F(p)->shm = *out;
	return rc;
}

static int v_shm_lock(sqlite3_file *p, int offset, int n, int flags)
{
	return R(p)->pMethods->xShmLock(R(p), offset, n, flags);
}

static void v_shm_barrier(sqlite3_file *p)
{
	R(p)->pMethods->xShmBarrier(R(p));
}

static int v_shm_unmap(sqlite3_file *p, int delete_flag)
{
	F(p)->shm = NULL;
	return R(p)->pMethods->xShmUnmap(R(p), delete_flag);
}

/* Version 2: no xFetch, so no memory-mapped reads that would go around the cache. */
static const sqlite3_io_methods io_methods = {
	.iVersion = 2,
	.xClose = v_close,
	.xRead = v_read,
	.xWrite = v_write,
	.xTruncate = v_truncate,
	.xSync = v_sync,
	.xFileSize = v_file_size,
	.xLock = v_lock,
	.xUnlock = v_unlock,
	.xCheckReservedLock = v_check_reserved,
	.xFileControl = v_file_control,
	.xSectorSize = v_sector_size,
	.xDeviceCharacteristics = v_device,
	.xShmMap = v_shm_map,
	.xShmLock = v_shm_lock,
	.xShmBarrier = v_shm_barrier,
	.xShmUnmap = v_shm_unmap,
};

/* --- the VFS ---------------------------------------------------------------------------- */

#define REAL_VFS(v) ((sqlite3_vfs *)(v)->pAppData)

static int v_open(sqlite3_vfs *v, sqlite3_filename name, sqlite3_file *p, int flags, int *out)
{
	struct vfile *f = F(p);
	memset(f, 0, sizeof *f);
	f->real = (sqlite3_file *)(void *)((char *)f + REAL_OFF);
	int rc = REAL_VFS(v)->xOpen(REAL_VFS(v), name, f->real, flags, out);
	/* SQLite closes a file whose pMethods is set even when the open failed. */
	f->base.pMethods = f->real->pMethods ? &io_methods : NULL;
	if (rc != SQLITE_OK || !name)
		return rc;
	if (flags & SQLITE_OPEN_MAIN_DB) {
		/* No entry (out of memory): the file passes through, uncached. */
		f->db = db_attach(name);
		if (f->db) {
			f->kind = K_MAIN;
			f->name = name;
			pthread_mutex_lock(&reg_mu);
			f->next = open_mains;
			open_mains = f;
			pthread_mutex_unlock(&reg_mu);
		}
	} else if (flags & SQLITE_OPEN_WAL) {
		/* The log's name lies in the same block as its database's (sqlite3_filename_database
		 * finds the start): the database file of this very connection, whose wal-index this
		 * log's reads check. Not found: the log passes through. */
		const char *db_name = sqlite3_filename_database(name);
		pthread_mutex_lock(&reg_mu);
		for (struct vfile *m = open_mains; m; m = m->next)
			if (m->name == db_name) {
				f->main = m;
				f->kind = K_WAL;
				break;
			}
		pthread_mutex_unlock(&reg_mu);
	}
	return rc;
}

static int v_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
	return REAL_VFS(v)->xDelete(REAL_VFS(v), name, sync_dir);
}

static int v_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	return REAL_VFS(v)->xAccess(REAL_VFS(v), name, flags, out);
}

static int v_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
	return REAL_VFS(v)->xFullPathname(REAL_VFS(v), name, n, out);
}

static void *v_dl_open(sqlite3_vfs *v, const char *name)
{
	return REAL_VFS(v)->xDlOpen(REAL_VFS(v), name);
}

static void v_dl_error(sqlite3_vfs *v, int n, char *msg)
{
	REAL_VFS(v)->xDlError(REAL_VFS(v), n, msg);
}

static void (*v_dl_sym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
	return REAL_VFS(v)->xDlSym(REAL_VFS(v), h, sym);
}

static void v_dl_close(sqlite3_vfs *v, void *h)
{
	REAL_VFS(v)->xDlClose(REAL_VFS(v), h);
}

static int v_randomness(sqlite3_vfs *v, int n, char *out)
{
	return REAL_VFS(v)->xRandomness(REAL_VFS(v), n, out);
}

static int v_sleep(sqlite3_vfs *v, int us)
{
	return REAL_VFS(v)->xSleep(REAL_VFS(v), us);
}

static int v_current_time(sqlite3_vfs *v, double *out)
{
	return REAL_VFS(v)->xCurrentTime(REAL_VFS(v), out);
}

static int v_last_error(sqlite3_vfs *v, int n, char *out)
{
	return REAL_VFS(v)->xGetLastError(REAL_VFS(v), n, out);
}

static int v_current_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	return REAL_VFS(v)->xCurrentTimeInt64(REAL_VFS(v), out);
}

static void register_once(void)
{
#if !defined(__x86_64__) && !defined(__i386__)
	/* The reasoning leans on x86's memory order (this file's header): elsewhere, no cache. */
	return;
#endif
	sqlite3_vfs *real = sqlite3_vfs_find(NULL);
	if (!real || real->iVersion < 2 || !real->xCurrentTimeInt64)
		return;
	sets = calloc(N_SETS, sizeof *sets);
	/* An anonymous mapping: its pages are touched (and count in RSS) as they fill, and it is
	 * left out of core dumps (it holds copies of members' posts, deleted ones included until
	 * their slot is reused or the log truncated). */
	void *arena = mmap(NULL, (size_t)STORE_VFS_PAGES * PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sets || arena == MAP_FAILED) {
		free(sets);
		if (arena != MAP_FAILED)
			munmap(arena, (size_t)STORE_VFS_PAGES * PAGE);
		sets = NULL;
		return;
	}
	pages = arena;
#ifdef MADV_DONTDUMP
	madvise(pages, (size_t)STORE_VFS_PAGES * PAGE, MADV_DONTDUMP);
#endif
	for (size_t i = 0; i < N_SETS; i++)
		pthread_mutex_init(&sets[i].mu, NULL);
	vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)(REAL_OFF + (size_t)real->szOsFile),
		.mxPathname = real->mxPathname,
		.zName = VFS_NAME,
		.pAppData = real,
		.xOpen = v_open,
		.xDelete = v_delete,
		.xAccess = v_access,
		.xFullPathname = v_full_pathname,
		.xDlOpen = v_dl_open,
		.xDlError = v_dl_error,
		.xDlSym = v_dl_sym,
		.xDlClose = v_dl_close,
		.xRandomness = v_randomness,
		.xSleep = v_sleep,
		.xCurrentTime = v_current_time,
		.xGetLastError = v_last_error,
		.xCurrentTimeInt64 = v_current_time64,
	};
	registered = sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
}

const char *sq_vfs_name(void)
{
	pthread_once(&once, register_once);
	return registered ? VFS_NAME : NULL;
}

void sq_vfs_stats_get(struct sq_vfs_stats *out)
{
	out->hits = __atomic_load_n(&n_hits, __ATOMIC_RELAXED);
	out->misses = __atomic_load_n(&n_misses, __ATOMIC_RELAXED);
	out->stored = __atomic_load_n(&n_stored, __ATOMIC_RELAXED);
	out->passed = __atomic_load_n(&n_passed, __ATOMIC_RELAXED);
}
