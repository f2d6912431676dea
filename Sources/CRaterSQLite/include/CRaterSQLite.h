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

/// Keeps each statement journal in memory until it grows past `bytes` (SQLITE_CONFIG_STMTJRNL_SPILL; SQLite's default
/// is 64 KiB, after which it writes the journal to a temporary file). Same rules and results as above.
int rater_sqlite_keep_statement_journals_in_memory(int bytes);

#ifdef __cplusplus
}
#endif

#endif
