#include "CRaterFaultVFS.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

// The VFS's own state, in its pAppData: the VFS it wraps, its switch and its count, read and written atomically, as
// SQLite may write from a sort's helper thread while the test flips the switch.
typedef struct FaultState {
    sqlite3_vfs *base;
    int failing;
    int failedWrites;
} FaultState;

// A file of the wrapping VFS: its methods, then whether it is an anonymous temporary database, then the wrapped
// file (of the base VFS's size).
typedef struct FaultFile {
    sqlite3_file file;
    FaultState *state;
    int isTemporaryDatabase;
    sqlite3_file *real;
} FaultFile;

#define REAL(f) (((FaultFile *)(f))->real)

static int faultClose(sqlite3_file *f) {
    int rc = SQLITE_OK;
    if (REAL(f)->pMethods) rc = REAL(f)->pMethods->xClose(REAL(f));
    return rc;
}
static int faultRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
    return REAL(f)->pMethods->xRead(REAL(f), buffer, amount, offset);
}
static int faultWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
    FaultFile *file = (FaultFile *)f;
    if (file->isTemporaryDatabase && __atomic_load_n(&file->state->failing, __ATOMIC_SEQ_CST)) {
        __atomic_add_fetch(&file->state->failedWrites, 1, __ATOMIC_SEQ_CST);
        return SQLITE_FULL;
    }
    return REAL(f)->pMethods->xWrite(REAL(f), buffer, amount, offset);
}
static int faultTruncate(sqlite3_file *f, sqlite3_int64 size) { return REAL(f)->pMethods->xTruncate(REAL(f), size); }
static int faultSync(sqlite3_file *f, int flags) { return REAL(f)->pMethods->xSync(REAL(f), flags); }
static int faultFileSize(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int faultLock(sqlite3_file *f, int lock) { return REAL(f)->pMethods->xLock(REAL(f), lock); }
static int faultUnlock(sqlite3_file *f, int lock) { return REAL(f)->pMethods->xUnlock(REAL(f), lock); }
static int faultCheckReservedLock(sqlite3_file *f, int *out) {
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int faultFileControl(sqlite3_file *f, int op, void *arg) {
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int faultSectorSize(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int faultDeviceCharacteristics(sqlite3_file *f) {
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int faultShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out) {
    return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}
static int faultShmLock(sqlite3_file *f, int offset, int n, int flags) {
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void faultShmBarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int faultShmUnmap(sqlite3_file *f, int deleteFlag) { return REAL(f)->pMethods->xShmUnmap(REAL(f), deleteFlag); }

// Version 2: the shared-memory methods WAL mode needs, without memory-mapped I/O (Rater leaves mmap_size at 0).
static const sqlite3_io_methods faultMethods = {
    2, faultClose, faultRead, faultWrite, faultTruncate, faultSync, faultFileSize, faultLock, faultUnlock,
    faultCheckReservedLock, faultFileControl, faultSectorSize, faultDeviceCharacteristics, faultShmMap,
    faultShmLock, faultShmBarrier, faultShmUnmap, 0, 0,
};

static int faultOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
    FaultState *state = (FaultState *)vfs->pAppData;
    FaultFile *file = (FaultFile *)f;
    file->state = state;
    file->isTemporaryDatabase = (flags & SQLITE_OPEN_TEMP_DB) != 0;
    file->real = (sqlite3_file *)(file + 1);
    int rc = state->base->xOpen(state->base, name, file->real, flags, outFlags);
    // SQLite calls xClose only on a file whose pMethods is set, so it stays unset when the real open failed.
    file->file.pMethods = file->real->pMethods ? &faultMethods : 0;
    return rc;
}

#define BASE(vfs) (((FaultState *)(vfs)->pAppData)->base)
static int faultDelete(sqlite3_vfs *vfs, const char *name, int syncDir) {
    return BASE(vfs)->xDelete(BASE(vfs), name, syncDir);
}
static int faultAccess(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    return BASE(vfs)->xAccess(BASE(vfs), name, flags, out);
}
static int faultFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    return BASE(vfs)->xFullPathname(BASE(vfs), name, size, out);
}
static void *faultDlOpen(sqlite3_vfs *vfs, const char *name) { return BASE(vfs)->xDlOpen(BASE(vfs), name); }
static void faultDlError(sqlite3_vfs *vfs, int size, char *out) { BASE(vfs)->xDlError(BASE(vfs), size, out); }
static void (*faultDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void) {
    return BASE(vfs)->xDlSym(BASE(vfs), handle, symbol);
}
static void faultDlClose(sqlite3_vfs *vfs, void *handle) { BASE(vfs)->xDlClose(BASE(vfs), handle); }
static int faultRandomness(sqlite3_vfs *vfs, int size, char *out) {
    return BASE(vfs)->xRandomness(BASE(vfs), size, out);
}
static int faultSleep(sqlite3_vfs *vfs, int microseconds) { return BASE(vfs)->xSleep(BASE(vfs), microseconds); }
static int faultCurrentTime(sqlite3_vfs *vfs, double *out) { return BASE(vfs)->xCurrentTime(BASE(vfs), out); }
static int faultGetLastError(sqlite3_vfs *vfs, int size, char *out) {
    return BASE(vfs)->xGetLastError(BASE(vfs), size, out);
}
static int faultCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    return BASE(vfs)->xCurrentTimeInt64(BASE(vfs), out);
}

int rater_fault_vfs_register(const char *name) {
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK) return rc;
    sqlite3_vfs *base = sqlite3_vfs_find(0);
    if (!base) return SQLITE_ERROR;
    // Registered for the rest of the process, as SQLite keeps the pointer: one small allocation per test.
    sqlite3_vfs *vfs = calloc(1, sizeof(sqlite3_vfs));
    FaultState *state = calloc(1, sizeof(FaultState));
    char *copy = strdup(name);
    if (!vfs || !state || !copy) {
        free(vfs);
        free(state);
        free(copy);
        return SQLITE_NOMEM;
    }
    state->base = base;
    vfs->iVersion = 2;
    vfs->szOsFile = (int)sizeof(FaultFile) + base->szOsFile;
    vfs->mxPathname = base->mxPathname;
    vfs->zName = copy;
    vfs->pAppData = state;
    vfs->xOpen = faultOpen;
    vfs->xDelete = faultDelete;
    vfs->xAccess = faultAccess;
    vfs->xFullPathname = faultFullPathname;
    vfs->xDlOpen = faultDlOpen;
    vfs->xDlError = faultDlError;
    vfs->xDlSym = faultDlSym;
    vfs->xDlClose = faultDlClose;
    vfs->xRandomness = faultRandomness;
    vfs->xSleep = faultSleep;
    vfs->xCurrentTime = faultCurrentTime;
    vfs->xGetLastError = faultGetLastError;
    vfs->xCurrentTimeInt64 = faultCurrentTimeInt64;
    return sqlite3_vfs_register(vfs, 0);
}

static FaultState *stateOf(const char *name) {
    sqlite3_vfs *vfs = sqlite3_vfs_find(name);
    return vfs && vfs->xOpen == faultOpen ? (FaultState *)vfs->pAppData : 0;
}

int rater_fault_vfs_fail_temporary_database_writes(const char *name, int failing) {
    FaultState *state = stateOf(name);
    if (!state) return 1;
    __atomic_store_n(&state->failing, failing, __ATOMIC_SEQ_CST);
    return 0;
}

int rater_fault_vfs_failed_writes(const char *name) {
    FaultState *state = stateOf(name);
    return state ? __atomic_load_n(&state->failedWrites, __ATOMIC_SEQ_CST) : -1;
}
