// A small C layer over Open MPI for InfluenceKit's distributed runs: the world communicator and
// datatypes stay in C, Swift sees plain functions over buffers. Every function returns 0 on
// success and MPI's error code otherwise (errors are returned, not fatal). The declarations need
// no MPI header; the definitions are compiled only with the MPI trait (INFLUENCEKIT_MPI), and only
// that build calls them.
#ifndef CMPISHIM_H
#define CMPISHIM_H

#include <stdint.h>

/// MPI_Init_thread with MPI_THREAD_FUNNELED (only the main thread calls MPI); errors return.
int ikmpi_init(void);
/// Whether MPI was initialised and not yet finalised.
int ikmpi_is_active(void);
int ikmpi_finalize(void);
/// MPI_Abort on the world communicator (the last resort: ends every rank).
void ikmpi_abort(int code);
int ikmpi_rank(void);
int ikmpi_size(void);
int ikmpi_barrier(void);
/// In-place element-wise sums and extrema over all ranks (any count: sent in chunks).
int ikmpi_allreduce_sum_u32(uint32_t *values, int64_t count);
int ikmpi_allreduce_sum_i64(int64_t *values, int64_t count);
int ikmpi_allreduce_max_i64(int64_t *values, int64_t count);
int ikmpi_allreduce_min_i64(int64_t *values, int64_t count);
/// Every rank's `bytes` bytes of `send`, concatenated in rank order into `receive`, whose room
/// is the sum of `counts` (each rank's byte count, as gathered by the caller beforehand).
int ikmpi_allgatherv_bytes(const void *send, int64_t bytes, void *receive, const int64_t *counts);
/// `bytes` bytes of `buffer` from `root` to every rank.
int ikmpi_broadcast_bytes(void *buffer, int64_t bytes, int root);
/// Open MPI's version string (e.g. "Open MPI v4.1.4, …"), into `text` of `room` bytes.
int ikmpi_library_version(char *text, int room);
#endif
