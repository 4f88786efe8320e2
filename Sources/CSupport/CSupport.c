#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <string.h>
#include <unistd.h>
#include <igraph.h>
#include "CSupport.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ik_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
#endif
}

void ik_return_large_blocks(size_t bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, (int)bytes);
#else
    (void)bytes;
#endif
}

FILE *ik_stderr(void) { return stderr; }
int ik_isatty_stderr(void) { return isatty(2); }

static char ik_error_text[1024];
static char ik_warning_text[1024];
static int ik_ready = 0;

static void ik_error_handler(const char *reason, const char *file, int line, igraph_error_t errcode) {
    (void)file; (void)line;
    if (ik_error_text[0] == '\0') {
        if (reason != NULL && reason[0] != '\0') {
            snprintf(ik_error_text, sizeof ik_error_text, "%s", reason);
        } else {
            snprintf(ik_error_text, sizeof ik_error_text, "%s", igraph_strerror(errcode));
        }
    }
    IGRAPH_FINALLY_FREE();
}

static void ik_warning_handler(const char *reason, const char *file, int line) {
    (void)file; (void)line;
    if (reason != NULL) snprintf(ik_warning_text, sizeof ik_warning_text, "%s", reason);
}

void ik_igraph_setup(void) {
    if (ik_ready) return;
    igraph_set_error_handler(ik_error_handler);
    igraph_set_warning_handler(ik_warning_handler);
    igraph_set_attribute_table(&igraph_cattribute_table);
    ik_ready = 1;
}

const char *ik_igraph_last_error(void) { return ik_error_text; }
void ik_igraph_clear_error(void) { ik_error_text[0] = '\0'; ik_warning_text[0] = '\0'; }

int ik_attribute_type(const igraph_t *graph, int elem, const char *name) {
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    int result = -1;
    if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&vn, 0) || igraph_strvector_init(&en, 0)) return -1;
    igraph_vector_int_init(&gt, 0); igraph_vector_int_init(&vt, 0); igraph_vector_int_init(&et, 0);
    if (igraph_cattribute_list(graph, &gn, &gt, &vn, &vt, &en, &et) == IGRAPH_SUCCESS) {
        igraph_strvector_t *names = elem == 0 ? &vn : &en;
        igraph_vector_int_t *types = elem == 0 ? &vt : &et;
        for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
            if (strcmp(igraph_strvector_get(names, i), name) == 0) { result = (int)VECTOR(*types)[i]; break; }
        }
    }
    igraph_strvector_destroy(&gn); igraph_strvector_destroy(&vn); igraph_strvector_destroy(&en);
    igraph_vector_int_destroy(&gt); igraph_vector_int_destroy(&vt); igraph_vector_int_destroy(&et);
    return result;
}
