// The C interface's only C code: compile-time checks that ik_error has the layout the header
// documents (the Swift implementation fills it through the imported declaration; a C caller
// allocates it), so a change to the struct cannot slip past one side.
#include "influencekit.h"

_Static_assert(sizeof(ik_status) == 4, "ik_status is a 32-bit code");
_Static_assert(offsetof(ik_error, status) == 0, "ik_error.status comes first");
_Static_assert(offsetof(ik_error, line) == 8, "ik_error.line follows status and truncated");
_Static_assert(sizeof(((ik_error *)0)->message) == 4096, "ik_error.message holds 4096 bytes");
_Static_assert(IK_API_VERSION == 3, "this file checks version 3 of the interface (ik_error unchanged since version 1)");
