#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "CSupport.h"

/* Temporary output files to remove when the process is interrupted. A fixed table, so the signal
   handler touches no allocator and no lock: each slot's state is 0 (free), 1 (being filled) or
   2 (registered), changed with atomic operations, and the handler only reads registered slots. */
#define IK_TEMPORARY_SLOTS 16
#define IK_TEMPORARY_PATH_MAX 4096

static char ik_temporary_paths[IK_TEMPORARY_SLOTS][IK_TEMPORARY_PATH_MAX];
static int ik_temporary_state[IK_TEMPORARY_SLOTS];

int ik_temporary_register(const char *path) {
    size_t length = strlen(path);
    if (length >= IK_TEMPORARY_PATH_MAX) return -1;
    for (int slot = 0; slot < IK_TEMPORARY_SLOTS; slot++) {
        int expected = 0;
        if (__atomic_compare_exchange_n(&ik_temporary_state[slot], &expected, 1, 0,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            memcpy(ik_temporary_paths[slot], path, length + 1);
            __atomic_store_n(&ik_temporary_state[slot], 2, __ATOMIC_RELEASE);
            return slot;
        }
    }
    return -1;
}

void ik_temporary_unregister(int slot) {
    if (slot < 0 || slot >= IK_TEMPORARY_SLOTS) return;
    __atomic_store_n(&ik_temporary_state[slot], 0, __ATOMIC_RELEASE);
}

int ik_temporary_registered_count(void) {
    int count = 0;
    for (int slot = 0; slot < IK_TEMPORARY_SLOTS; slot++) {
        if (__atomic_load_n(&ik_temporary_state[slot], __ATOMIC_ACQUIRE) == 2) count++;
    }
    return count;
}

/* Async-signal-safe: unlink, sigaction and raise only. */
static void ik_temporary_signal_handler(int signal_number) {
    for (int slot = 0; slot < IK_TEMPORARY_SLOTS; slot++) {
        if (__atomic_load_n(&ik_temporary_state[slot], __ATOMIC_ACQUIRE) == 2) {
            unlink(ik_temporary_paths[slot]);
        }
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);
}

void ik_temporary_install_signal_cleanup(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction current;
        if (sigaction(signals[i], NULL, &current) != 0) continue;
        /* A signal the parent chose to ignore (a background job's SIGINT) stays ignored. */
        if (current.sa_handler == SIG_IGN) continue;
        struct sigaction cleanup;
        memset(&cleanup, 0, sizeof cleanup);
        cleanup.sa_handler = ik_temporary_signal_handler;
        sigemptyset(&cleanup.sa_mask);
        sigaction(signals[i], &cleanup, NULL);
        sigaddset(&handled, signals[i]);
    }
    /* A parent that spawned us from a thread blocking these signals (Foundation's Process does)
       left them blocked: they would stay pending and the process could not be stopped. Threads
       started later inherit this thread's mask. */
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
}
