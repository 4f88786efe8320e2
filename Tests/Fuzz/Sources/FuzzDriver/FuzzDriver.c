// Declarations only (include/FuzzDriver.h); the driver itself is in libFuzzer's runtime.
#include "FuzzDriver.h"
