#ifndef RATER_CRATERSQLITE_H
#define RATER_CRATERSQLITE_H
// SQLite settings Swift cannot reach: sqlite3_config is a variadic C function, which Swift does not import.

#ifdef __cplusplus
extern "C" {
#endif

/// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS), which take a process-wide mutex around every
/// allocation and free SQLite makes. Only possible before SQLite is initialised (before the first connection opens);
/// returns 0 (SQLITE_OK) when set, SQLITE_MISUSE (21) when SQLite was already initialised and keeps its statistics.
int rater_sqlite_disable_memory_statistics(void);

#ifdef __cplusplus
}
#endif

#endif
