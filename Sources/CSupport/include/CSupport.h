#ifndef INFLUENCEKIT_CSUPPORT_H
#define INFLUENCEKIT_CSUPPORT_H
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <sys/types.h>

/* Standard streams, reachable from Swift 6 strict concurrency. */
FILE *ik_stderr(void);
int ik_isatty_stderr(void);

/* igraph process-wide setup: an error handler that records the innermost message instead of
   aborting, a quiet warning handler, and the C attribute table. Idempotent. */
void ik_igraph_setup(void);
/* The first non-empty message since the last clear ("" when none). */
const char *ik_igraph_last_error(void);
void ik_igraph_clear_error(void);

/* Temporary output files removed when SIGINT, SIGTERM or SIGHUP arrives (a fixed table of 16
   paths of under 4096 bytes; the handler is async-signal-safe: it unlinks the registered paths,
   restores the default action and re-raises, so the process dies by the signal, status 128+N).
   register returns the slot, or -1 when the table is full or the path too long. */
int ik_temporary_register(const char *path);
void ik_temporary_unregister(int slot);
int ik_temporary_registered_count(void);
/* Installs the handler for SIGINT, SIGTERM and SIGHUP and unblocks them in the calling thread (a
   signal already ignored stays ignored). */
void ik_temporary_install_signal_cleanup(void);

#include <igraph.h>
/* Type of a vertex (elem = 0) or edge (elem = 1) attribute under the C attribute table:
   -1 absent, 1 numeric, 2 boolean, 3 string. */
int ik_attribute_type(const igraph_t *graph, int elem, const char *name);
/* Hint that *address will be read soon (cascade kernels and sampling loops prefetch queued nodes). */
static inline void ik_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/* Keep freed heap blocks for reuse (no mmap for large blocks, no trimming): for loops that
   allocate the same large arrays over and over. glibc only; a no-op elsewhere. */
void ik_keep_freed_memory(void);
/* The opposite policy, for runs whose peak resident memory counts: blocks of `bytes` and more are
   mapped on their own and returned to the system when freed (glibc otherwise raises this
   threshold after the first large free and keeps later large blocks in the heap). */
void ik_return_large_blocks(size_t bytes);

#endif
