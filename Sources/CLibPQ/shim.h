// libpq, PostgreSQL's client library, for the --postgres sink (Debian: libpq-dev).
#include <libpq-fe.h>
