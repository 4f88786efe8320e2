#ifndef INFLUENCEKIT_CIGRAPH_SHIM_H
#define INFLUENCEKIT_CIGRAPH_SHIM_H
/* The system headers must come before igraph.h: igraph.h defines _GNU_SOURCE,
   and a clean build fails on fd_set without this order. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <igraph.h>

static inline igraph_integer_t *ik_vector_int_data(igraph_vector_int_t *v) { return VECTOR(*v); }
static inline igraph_real_t *ik_vector_data(igraph_vector_t *v) { return VECTOR(*v); }
#endif
