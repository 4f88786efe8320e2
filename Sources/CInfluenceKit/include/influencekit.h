/*
 * influencekit.h — the C interface of InfluenceKit (libinfluencekit.so).
 *
 * Version 3 of the interface (version 2 plus ik_report_html; cancellation: ik_cancellation_new,
 * ik_cancel, ik_cancellation_free, ik_run_cancellable, ik_invite_run_cancellable; ik_result_matrix
 * for an embed run's embeddings; ik_graph_from_edge_columns (LT weights) and ik_graph_save).
 * Version 2 added ik_run, ik_run_document and the invitation-graph calls ik_invite_graph_load,
 * ik_invite_graph_counts, ik_invite_run, ik_invite_graph_free; every earlier call works as before.
 * Every function:
 *   - validates every argument and never aborts the process: a bad pointer value that is not a
 *     live handle, a null where an array is required, a size that overflows, malformed UTF-8 or
 *     JSON, or a value the library refuses all come back as a status code;
 *   - returns an ik_status and, when `error` is not null, fills it with the status, the message
 *     (one line: "FILE:LINE: what is wrong (what was expected)"), and the file, line and library
 *     parameter the problem is about, each copied into the caller's ik_error;
 *   - takes arrays as a pointer plus a length, and never keeps a caller's pointer after it returns.
 *
 * Handles (ik_graph, ik_invite_graph, ik_result) are opaque tokens, never dereferenced by the caller and never
 * reused by the library: a handle that was freed, or a value that never was a handle, is refused
 * with IK_ERROR_HANDLE. Memory the library owns is released only by ik_graph_free,
 * ik_invite_graph_free and ik_result_free. Handles may be used from several threads at once; a graph is immutable.
 *
 * Options and requests are JSON objects (UTF-8, null-terminated; NULL or "" for the defaults),
 * with snake_case keys listed beside each function. An unknown key, or a value of the wrong type,
 * is an IK_ERROR_ARGUMENT naming the key. Results are JSON records: those `infmax` prints with
 * --json for the same command and seed.
 *
 * Long calls (ik_run, ik_invite_run, ik_seeds, ik_simulate, ik_cim) run on the library's worker
 * threads; the same `seed` gives the same result for any `threads`. ik_run_cancellable and
 * ik_invite_run_cancellable can be stopped from another thread (ik_cancel).
 */
#ifndef INFLUENCEKIT_H
#define INFLUENCEKIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The interface version this header describes; ik_api_version() returns the library's. */
#define IK_API_VERSION 3

/* Status codes. */
typedef int32_t ik_status;
#define IK_OK 0
#define IK_ERROR_ARGUMENT 1 /* a bad argument or option value */
#define IK_ERROR_DATA 2     /* input that does not parse, or violates a model constraint */
#define IK_ERROR_IO 3       /* the file system refused (missing file, permission) */
#define IK_ERROR_RESOURCE 4 /* the run would exceed a limit (memory, a time budget) */
#define IK_ERROR_HANDLE 5   /* a null, unknown or already freed handle */
#define IK_ERROR_INTERNAL 6 /* a failure of the library itself */

/* What went wrong, filled by every function that fails (when the pointer is not null). Strings
 * are UTF-8 and null-terminated, cut at a character boundary when longer than their buffer
 * (`truncated` then says so). */
typedef struct ik_error {
    ik_status status;
    int32_t truncated;
    int64_t line;         /* 1-based line in `file`, 0 when none */
    char parameter[64];   /* the library parameter at fault (k, epsilon, runs, seeds, ...), or "" */
    char file[4096];      /* the file the problem is in, or "" */
    char message[4096];   /* the whole message, with file and line in front when known */
} ik_error;

typedef struct ik_graph ik_graph;   /* an immutable loaded graph with its probability scheme */
typedef struct ik_invite_graph ik_invite_graph; /* an immutable invitation graph (P per arc, U per node) */
typedef struct ik_result ik_result; /* a JSON record */
typedef struct ik_cancellation ik_cancellation; /* a flag that stops the runs given it (ik_cancel) */

/* The interface version of the library (IK_API_VERSION of the header it was built with). */
int32_t ik_api_version(void);

/* The library version ("0.2.0"), copied into `buffer` (at most `capacity` bytes with the NUL). */
ik_status ik_library_version(char *buffer, size_t capacity, ik_error *error);

/* ---- graphs ----------------------------------------------------------------------------- */

/* Loads a graph file (edge list, .gz, GraphML, GML, Pajek, NCOL, LGL, .infgraph).
 * options: undirected (bool), probabilities ("wc", "uniform:P", "trivalency", "trivalency:SEED",
 * "file"), normalize_lt (bool), format (string), dedupe (bool), nodes (int), node_file (string),
 * max_memory (bytes), eager_igraph (bool). */
ik_status ik_graph_load(const char *path, const char *options_json, ik_graph **graph, ik_error *error);

/* Builds a graph from `count` arcs sources[i] -> targets[i].
 * - label_offsets == NULL: the ids are node labels, numbered as the edge-list reader numbers
 *   integer ids (increasing order; ids 0..n-1 stay the identity); a self-loop is dropped.
 * - otherwise the ids are dense node ids 0..label_count-1 and node i is labelled by the UTF-8
 *   bytes label_bytes[label_offsets[i] .. label_offsets[i+1]) (label_count + 1 offsets,
 *   non-decreasing from 0; labels distinct).
 * values: NULL, or one probability in [0, 1] per arc (for the "file" scheme).
 * options: undirected, probabilities (default "file" with values, else "wc"), normalize_lt,
 * dedupe, name (how records name the graph; default "arrays"). */
ik_status ik_graph_from_edges(const int64_t *sources, const int64_t *targets, size_t count, const double *values,
                              const char *label_bytes, size_t label_bytes_length, const int64_t *label_offsets,
                              size_t label_count, const char *options_json, ik_graph **graph, ik_error *error);

/* ik_graph_from_edges with LT weights as well: weights NULL, or one weight in [0, 1] per arc (the
 * graph's "weight" column, as a file's fourth column); weights need dense ids with labels
 * (label_offsets not NULL). Version 3. */
ik_status ik_graph_from_edge_columns(const int64_t *sources, const int64_t *targets, size_t count, const double *values,
                                     const double *weights, const char *label_bytes, size_t label_bytes_length,
                                     const int64_t *label_offsets, size_t label_count, const char *options_json,
                                     ik_graph **graph, ik_error *error);

/* Writes the graph as an .infgraph snapshot (atomically: a temporary file renamed into place),
 * which ik_graph_load and every infmax command read. Version 3. */
ik_status ik_graph_save(const ik_graph *graph, const char *path, ik_error *error);

/* Frees a graph. A graph freed twice, or a value that is not a graph, gives IK_ERROR_HANDLE. */
ik_status ik_graph_free(ik_graph *graph, ik_error *error);

/* Node and arc counts. */
ik_status ik_graph_counts(const ik_graph *graph, int64_t *nodes, int64_t *arcs, ik_error *error);

/* Copies the arcs in forward-CSR order as dense ids (arrays of `capacity` >= the arc count). */
ik_status ik_graph_copy_arcs(const ik_graph *graph, int64_t *sources, int64_t *targets, size_t capacity,
                             ik_error *error);

/* The labels: first call with bytes == NULL to learn *bytes_needed; then copy them, node i being
 * bytes[offsets[i] .. offsets[i+1]) (offsets has nodes + 1 entries). */
ik_status ik_graph_copy_labels(const ik_graph *graph, char *bytes, size_t bytes_capacity, int64_t *offsets,
                               size_t offsets_capacity, size_t *bytes_needed, ik_error *error);

/* The graph summary as JSON (nodes, arcs, probabilities, name, load statistics). */
ik_status ik_graph_summary(const ik_graph *graph, ik_result **result, ik_error *error);

/* ---- runs ------------------------------------------------------------------------------- */

/* Any use case that runs on a graph, decoded by the library's own request types: request_json is
 *   {"useCase": "seeds" | "simulate" | "embed", "request": {...}}
 * with the request's camelCase keys and defaults exactly as `infmax run FILE` reads them (a
 * record written by `infmax seeds --json` or `infmax simulate --json` is such a document; its
 * other keys, "graph" included, are ignored: the run uses `graph`). Keys "probabilities" and
 * "normalizeLT" absent from the request take the graph's, as given to ik_graph_load. An unknown
 * key, a value of the wrong type or a missing required key is an IK_ERROR_ARGUMENT naming the key.
 * The result is the use case's record (SeedsRecord, SimulationRecord, EmbeddingRecord). An embed
 * request writes the embeddings to its "output" file (.npy or TSV) when it names one; the record
 * holds their content hash ("embeddingsHash"). A request of a use case that runs on another kind
 * of input (recommend, probe) is an IK_ERROR_ARGUMENT naming "graph". Added in version 2. */
ik_status ik_run(const ik_graph *graph, const char *request_json, ik_result **result, ik_error *error);

/* A whole document, request or record, run on the input it names and the library loads, as
 * `infmax run FILE` does: {"useCase": ..., "graph": {"path": ..., "load": {...}}, "request": {...}}
 * for a graph, "graph": {"arcsFile": ..., "nodeValuesFile": ..., "invitersFile": ...} for an
 * invitation graph, "embeddings": {"path": ...} for a probe's embeddings. A record reruns its
 * own request (the same seed and threads give the same result). Added in version 2. */
ik_status ik_run_document(const char *document_json, ik_result **result, ik_error *error);

/* ---- cancellation (added in version 3) -------------------------------------------------- */

/* A new cancellation flag, not set. Give it to ik_run_cancellable or ik_invite_run_cancellable;
 * ik_cancel, from any thread (a signal handler's thread included: it takes no lock the run
 * holds), sets it. */
ik_status ik_cancellation_new(ik_cancellation **cancellation, ik_error *error);

/* Sets the flag: every run given it stops within about a second (the engine's long loops —
 * RR sampling, Monte Carlo runs, cascades over worlds, training epochs — check it every task of
 * a few hundred samples) and returns IK_ERROR_RESOURCE with parameter "cancelled" and no result.
 * The graph stays usable; a flag once set stays set (make a new one for the next run). */
ik_status ik_cancel(ik_cancellation *cancellation, ik_error *error);

/* Frees a flag (IK_ERROR_HANDLE when freed twice or not one). Free it after the runs given it
 * have returned. */
ik_status ik_cancellation_free(ik_cancellation *cancellation, ik_error *error);

/* ik_run, stopped by ik_cancel on `cancellation` (NULL: as ik_run). */
ik_status ik_run_cancellable(const ik_graph *graph, const char *request_json, ik_cancellation *cancellation,
                             ik_result **result, ik_error *error);

/* A record's self-contained HTML page, what `infmax report RECORD --output PAGE` writes: the
 * answer as tables, the guarantee in words, plots, timings and memory; no external reference.
 * record_json is a record's JSON (ik_result_json of any run); the page is the result's text
 * (ik_result_json gives it). A text that is not a record gives IK_ERROR_DATA. Added in version 3. */
ik_status ik_report_html(const char *record_json, ik_result **result, ik_error *error);

/* ---- invitation graphs (added in version 2) --------------------------------------------- */

/* Loads an invitation graph: arcs_path holds `inviter invitee P` lines, node_values_path (may be
 * NULL: every node accepts with U = 1) `node U` lines, each with an optional header row.
 * options: inviters (string: an inviter file, one label a line; a request may name its own). */
ik_status ik_invite_graph_load(const char *arcs_path, const char *node_values_path, const char *options_json,
                               ik_invite_graph **graph, ik_error *error);

/* Node, arc and inviter counts (inviters 0 when the graph was loaded without an inviter file). */
ik_status ik_invite_graph_counts(const ik_invite_graph *graph, int64_t *nodes, int64_t *arcs, int64_t *inviters,
                                 ik_error *error);

/* Invitee recommendation on an invitation graph, as ik_run: request_json is
 *   {"useCase": "recommend", "request": {"k": 5, ...}}
 * with RecommendRequest's keys (k required; algorithm, setsPerNode, capacity, tradeOff, topC,
 * inviters, truth, worlds, evaluationSeed, frontier, seed, threads). The result is the
 * RecommendRecord that `infmax recommend --json` prints. */
ik_status ik_invite_run(const ik_invite_graph *graph, const char *request_json, ik_result **result, ik_error *error);

/* ik_invite_run, stopped by ik_cancel on `cancellation` (NULL: as ik_invite_run). Version 3. */
ik_status ik_invite_run_cancellable(const ik_invite_graph *graph, const char *request_json,
                                    ik_cancellation *cancellation, ik_result **result, ik_error *error);

/* Frees an invitation graph (IK_ERROR_HANDLE when freed twice or not one). */
ik_status ik_invite_graph_free(ik_invite_graph *graph, ik_error *error);

/* The calls below are interface version 1: snake_case keys, each listed. They keep working and
 * return the same records as ik_run. */

/* Seeds with a guarantee: the record of `infmax seeds --json`.
 * request: k (int, required), model ("ic" | "lt"), algorithm ("opim-c" | "imm"), epsilon, delta,
 * ell, precision (0: the paper's stopping rule), sampling ("subset" | "plain"), evaluation_sets,
 * seed, threads, max_memory. */
ik_status ik_seeds(const ik_graph *graph, const char *request_json, ik_result **result, ik_error *error);

/* Monte Carlo spread of a seed set given by labels (label_bytes/label_offsets as in
 * ik_graph_from_edges, `seed_count` labels): the record of `infmax simulate --json`.
 * request: runs, seed, threads, model, max_steps, until_relative_error, max_runs,
 * node_probabilities, exact, max_memory. */
ik_status ik_simulate(const ik_graph *graph, const char *label_bytes, size_t label_bytes_length,
                      const int64_t *label_offsets, size_t seed_count, const char *request_json, ik_result **result,
                      ik_error *error);

/* Capacity-constrained IM: the record of `infmax cim --json`. The active participants are the
 * `ap_count` labels given (as for ik_simulate), or, with ap_count 0 and label_offsets NULL, line
 * `ap_set` of the AP file `ap_file` named in the request.
 * request: k (int, required), ap_file, ap_set, algorithm ("rr-opim+", "rr-opim", "mg-opim",
 * "rr-greedy", "mg-greedy"), model, epsilon, delta, precision, compat, sampling, evaluation_sets,
 * baselines (bool), keep_best (bool, default true: return the best of the algorithm's and the
 * baselines' assignments, the record's `winner`), unconstrained_reference (bool), mc_evaluation,
 * mc_runs, mc_budget (seconds, or null for none), seed, threads, max_memory. */
ik_status ik_cim(const ik_graph *graph, const char *label_bytes, size_t label_bytes_length,
                 const int64_t *label_offsets, size_t ap_count, const char *request_json, ik_result **result,
                 ik_error *error);

/* ---- results ---------------------------------------------------------------------------- */

/* The record's JSON text (UTF-8, null-terminated, `*length` bytes without the NUL), owned by the
 * result and valid until ik_result_free. */
ik_status ik_result_json(const ik_result *result, const char **json, size_t *length, ik_error *error);

/* The float32 matrix that came with the record, row-major, owned by the result and valid until
 * ik_result_free: an embed run's embeddings (row i the vector of node i; *rows nodes, *columns
 * dimensions). Other records have none: *data NULL, *rows and *columns 0. Version 3. */
ik_status ik_result_matrix(const ik_result *result, const float **data, int64_t *rows, int64_t *columns,
                           ik_error *error);

/* Frees a result. A result freed twice, or a value that is not a result, gives IK_ERROR_HANDLE. */
ik_status ik_result_free(ik_result *result, ik_error *error);

#ifdef __cplusplus
}
#endif

#endif /* INFLUENCEKIT_H */
