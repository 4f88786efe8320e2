#include "CMPIShim.h"

#ifdef INFLUENCEKIT_MPI
#include <limits.h>
#include <stdlib.h>
#include <mpi.h>

// Elements per collective call, below INT_MAX counts.
static const int64_t chunk = (int64_t)1 << 26;

int ikmpi_init(void) {
    int provided = 0;
    int rc = MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided);
    if (rc != MPI_SUCCESS) return rc;
    // Errors come back as codes; the caller ends every rank through its own agreement.
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    return 0;
}

int ikmpi_is_active(void) {
    int initialized = 0, finalized = 0;
    MPI_Initialized(&initialized);
    MPI_Finalized(&finalized);
    return initialized && !finalized;
}

int ikmpi_finalize(void) { return MPI_Finalize(); }

void ikmpi_abort(int code) { MPI_Abort(MPI_COMM_WORLD, code); }

int ikmpi_rank(void) {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
}

int ikmpi_size(void) {
    int size = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    return size;
}

int ikmpi_barrier(void) { return MPI_Barrier(MPI_COMM_WORLD); }

static int allreduce(void *values, int64_t count, MPI_Datatype type, size_t width, MPI_Op op) {
    char *base = values;
    for (int64_t start = 0; start < count; start += chunk) {
        int64_t n = count - start < chunk ? count - start : chunk;
        int rc = MPI_Allreduce(MPI_IN_PLACE, base + start * (int64_t)width, (int)n, type, op, MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS) return rc;
    }
    return 0;
}

int ikmpi_allreduce_sum_u32(uint32_t *values, int64_t count) {
    return allreduce(values, count, MPI_UINT32_T, sizeof(uint32_t), MPI_SUM);
}

int ikmpi_allreduce_sum_i64(int64_t *values, int64_t count) {
    return allreduce(values, count, MPI_INT64_T, sizeof(int64_t), MPI_SUM);
}

int ikmpi_allreduce_max_i64(int64_t *values, int64_t count) {
    return allreduce(values, count, MPI_INT64_T, sizeof(int64_t), MPI_MAX);
}

int ikmpi_allreduce_min_i64(int64_t *values, int64_t count) {
    return allreduce(values, count, MPI_INT64_T, sizeof(int64_t), MPI_MIN);
}

int ikmpi_allgatherv_bytes(const void *send, int64_t bytes, void *receive, const int64_t *counts) {
    int size = ikmpi_size();
    int *sizes = malloc(sizeof(int) * (size_t)size);
    int *displacements = malloc(sizeof(int) * (size_t)size);
    if (!sizes || !displacements) { free(sizes); free(displacements); return MPI_ERR_NO_MEM; }
    int64_t offset = 0;
    int rc = MPI_SUCCESS;
    for (int r = 0; r < size; r++) {
        if (counts[r] > INT_MAX || offset > INT_MAX) { rc = MPI_ERR_COUNT; break; }
        sizes[r] = (int)counts[r];
        displacements[r] = (int)offset;
        offset += counts[r];
    }
    if (rc == MPI_SUCCESS && bytes <= INT_MAX) {
        rc = MPI_Allgatherv(send, (int)bytes, MPI_BYTE, receive, sizes, displacements, MPI_BYTE, MPI_COMM_WORLD);
    } else if (rc == MPI_SUCCESS) {
        rc = MPI_ERR_COUNT;
    }
    free(sizes);
    free(displacements);
    return rc;
}

int ikmpi_broadcast_bytes(void *buffer, int64_t bytes, int root) {
    char *base = buffer;
    for (int64_t start = 0; start < bytes; start += chunk) {
        int64_t n = bytes - start < chunk ? bytes - start : chunk;
        int rc = MPI_Bcast(base + start, (int)n, MPI_BYTE, root, MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS) return rc;
    }
    return 0;
}

int ikmpi_library_version(char *text, int room) {
    char version[MPI_MAX_LIBRARY_VERSION_STRING];
    int length = 0;
    int rc = MPI_Get_library_version(version, &length);
    if (rc != MPI_SUCCESS || room <= 0) return rc;
    int n = length < room - 1 ? length : room - 1;
    for (int i = 0; i < n; i++) text[i] = version[i];
    text[n] = 0;
    return 0;
}
#else
// Without the MPI trait this target has nothing to build.
typedef int ikmpi_disabled;
#endif
