#ifndef RATER_CRATERFAULTVFS_H
#define RATER_CRATERFAULTVFS_H
// A test-only SQLite VFS that passes everything to the default VFS, except that it can be told to fail writes to
// anonymous temporary databases (what `ATTACH ''` opens) with SQLITE_FULL: a full disk under the staging database
// only, which the database tests cannot make any other way.

#ifdef __cplusplus
extern "C" {
#endif

/// Registers a VFS named `name` (not the default one) over the current default VFS. Returns 0 (SQLITE_OK) or
/// SQLite's error code. Each registration has its own switch, so tests running at once do not share one.
int rater_fault_vfs_register(const char *name);

/// While `failing` is non-zero, every write to an anonymous temporary database opened through the VFS `name` fails
/// with SQLITE_FULL. Returns 0, or 1 if no such VFS was registered here.
int rater_fault_vfs_fail_temporary_database_writes(const char *name, int failing);

/// How many writes the VFS `name` has failed so far (-1 if no such VFS was registered here).
int rater_fault_vfs_failed_writes(const char *name);

#ifdef __cplusplus
}
#endif

#endif
