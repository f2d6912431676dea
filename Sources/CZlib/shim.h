// zlib, for reading .gz exports directly (Debian: zlib1g-dev).
#include <zlib.h>
