/*
 * store_sqlite_vfs.h - a process-wide cache of database and write-ahead-log pages under SQLite
 * (store_sqlite_vfs.c), private to src/store/: a VFS that wraps SQLite's default one ("unix")
 * and answers a page read by a connection with a copy of a page another connection of the
 * process read before, instead of a system call.
 *
 * Why: in WAL mode SQLite drops a connection's whole page cache when its next read transaction
 * begins after any other connection committed; under bench/members' mixed load one request in
 * ten commits, so every reader starts nearly cold and reads its pages again with pread (18.5 a
 * request against 7.3 without writes), and a system call is dear on the PVM guests we run on.
 *
 * Coherence, in short (the full argument is in store_sqlite_vfs.c's header comment):
 *   - a frame of the log is cached under the log's generation (its two salts) and only once
 *     the wal-index header says it is committed (frame <= mxFrame); committed frames of one
 *     generation are never rewritten;
 *   - a page of the database file is cached under (salts, nBackfill) read from the wal-index
 *     before the read; the file changes only by a checkpoint, which ends by moving nBackfill;
 *   - without a mapped wal-index (rollback journal, journals, temporary files) nothing is
 *     cached; every write or truncation through the VFS drops the pages it touches.
 * Other processes (the CLI beside the server) write through the same wal-index, which they
 * share, so their commits, checkpoints and restarts move the same generations.
 *
 * Ownership: the cache (a fixed arena of STORE_VFS_PAGES pages) lives as long as the process;
 * sq_vfs_name() registers the VFS on first use.
 */
#ifndef ENT_STORE_SQLITE_VFS_H
#define ENT_STORE_SQLITE_VFS_H

#include <stdbool.h>
#include <stdint.h>

/* The name to pass to sqlite3_open_v2; NULL (SQLite's default VFS) when it could not be
 * registered (no memory), which costs only the speed. Thread-safe; registers once. */
const char *sq_vfs_name(void);

/* Counters since the start of the process, for tests and measurements. */
struct sq_vfs_stats {
	uint64_t hits;   /* reads answered from the cache */
	uint64_t misses; /* cacheable reads that went to the file */
	uint64_t stored; /* pages copied into the cache */
	uint64_t passed; /* reads not cacheable (no wal-index, other sizes, uncommitted frames) */
};
void sq_vfs_stats_get(struct sq_vfs_stats *out);

/* The generation the cache keys its pages by, read from region 0 of a wal-index as the VFS
 * reads it (store_sqlite_vfs.c: both header copies equal, isInit set, format 3007000, 4 KiB
 * pages, nBackfill <= mxFrame); false when it would not be trusted. For the tests. */
struct sq_vfs_gen {
	uint32_t salt1, salt2, mx_frame, n_backfill;
};
bool sq_vfs_generation(const void *walindex, struct sq_vfs_gen *out);

#endif
