#ifndef INFLUENCEKIT_FUZZ_DRIVER_H
#define INFLUENCEKIT_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime that -sanitize=fuzzer links): parses the libFuzzer flags in
/// argv and fuzzes `callback`. SwiftPM links executables with their own renamed entry point as
/// `main`, so the fuzz targets start libFuzzer through this instead of libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
