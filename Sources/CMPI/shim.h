// Open MPI's C API, for the CMPIShim target only (Swift never imports it directly: MPI's handles
// are opaque pointers and its constants macros).
#include <stddef.h>
#include <stdint.h>
#include <mpi.h>
