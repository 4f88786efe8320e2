#ifndef INFLUENCEKIT_CZLIB_SHIM_H
#define INFLUENCEKIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
