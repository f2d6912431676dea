import CLibCrypto
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many times each comment text occurred among the records of one input that an incremental run skipped
/// (`--incremental`: earlier runs delivered them), so that the keys of repeated texts (`sha256:…#2`, `#3` …) go on
/// counting from there: the keys of the comments the run stores are then those a run over the whole input gives,
/// whichever database they go to. A database that holds the skipped records' rows keeps them, instead of the first
/// new repeat of a text replacing the row of its first occurrence; one that does not (a new database, or one added
/// to the command since) gets the same keys as the others.
///
/// A text is known by the SHA-256 of its normalized form, as the databases key it (`Digest`). The run adds the
/// digest of each skipped record that would be keyed by its text (`add(_:)`, on the thread that reads the input),
/// seals this once the input's last skipped record is counted (`seal()`), and hands it to the databases with each
/// comment of that input (`StoredComment.skippedTexts`), whose writers start each text's numbering after its count
/// here (`occurrences(of:)`).
///
/// Memory does not grow with the input. Digests wait in a buffer of fixed size (`Limits`); when it fills, it is
/// sorted and written out as one run of (digest, count) entries to a temporary file that is deleted as soon as it
/// is made, so nothing is left behind even by a killed run. Sealing merges the runs into one sorted run; a look-up
/// then reads one block of it, found through an index of each block's first digest, once a Bloom filter has not
/// ruled the text out (it rules out the texts the skipped records never had: most new comments). Skipped records
/// that fit the buffer (262,144 of them) never touch the disk.
public final class SkippedTexts: Sendable {
    /// The SHA-256 of a text's UTF-8, as four 64-bit words (big-endian, so they compare as the hex digest does).
    public struct Digest: Hashable, Comparable, Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64)

        init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

        /// The digest of `text`'s UTF-8.
        public init(of text: String) {
            var text = text
            words = text.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
                    var length: UInt32 = 0
                    let done = EVP_Digest(bytes.baseAddress, bytes.count, digest.baseAddress, &length,
                                          Algorithm.sha256.md, nil)
                    precondition(done == 1 && length == 32, "OpenSSL could not compute a SHA-256 digest")
                    return Self.words(UnsafeBufferPointer(digest))
                }
            }
        }

        /// The digest as 64 lower-case hex digits, as a database key spells it (`sha256:…`).
        public var hex: String {
            [words.0, words.1, words.2, words.3].map { word in
                let digits = String(word, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }.joined()
        }

        /// The digest whose lower-case (or upper-case) hex is `hex`: 64 digits, else nil.
        public init?(hex: some StringProtocol) {
            var bytes = [UInt8](repeating: 0, count: 32)
            var count = 0
            for (index, character) in hex.utf8.enumerated() {
                guard index < 64 else { return nil }
                let value: UInt8
                switch character {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
                default: return nil
                }
                bytes[index / 2] |= index % 2 == 0 ? value << 4 : value
                count += 1
            }
            guard count == 64 else { return nil }
            words = bytes.withUnsafeBufferPointer { Self.words($0) }
        }

        private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64) {
            func word(_ start: Int) -> UInt64 {
                bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
            }
            return (word(0), word(8), word(16), word(24))
        }

        public static func == (a: Digest, b: Digest) -> Bool { a.words == b.words }

        public static func < (a: Digest, b: Digest) -> Bool { a.words < b.words }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
        }
    }

    struct Limits: Sendable {
        /// Digests kept in memory before they are sorted and written out as a run (32 bytes each).
        var bufferedDigests: Int
        /// Runs merged at once; more are merged in rounds.
        var runsPerMerge: Int
        /// Entries in one block of the sealed run: what a look-up reads (40 bytes each).
        var entriesPerBlock: Int
        /// The most bits of the Bloom filter of a sealed run that went to disk, a power of two. The filter has about
        /// 16 bits a text up to there: at 2^26 bits (8 MiB, about 4 million distinct texts), 0.2% of the texts the
        /// skipped records never had are looked up all the same (1.1% at 6.6 million).
        var filterBits: Int
        /// Look-ups remembered, so that a text that comes back often in the new records reads its block once.
        var cachedLookups: Int

        static let standard = Limits(bufferedDigests: 1 << 18, runsPerMerge: 64, entriesPerBlock: 512,
                                     filterBits: 1 << 26, cachedLookups: 1 << 12)
    }

    private let state: Mutex<State>

    public convenience init() {
        self.init(limits: .standard)
    }

    init(limits: Limits) {
        precondition(limits.bufferedDigests >= 1 && limits.runsPerMerge >= 2 && limits.entriesPerBlock >= 1
                     && limits.filterBits >= 64 && limits.filterBits & (limits.filterBits - 1) == 0
                     && limits.cachedLookups >= 1, "limits that can hold something")
        state = Mutex(State(limits: limits))
    }

    deinit {
        state.withLock { $0.closeFile() }
    }

    /// Counts one more occurrence of the text with this digest. Before `seal()` only.
    public func add(_ digest: Digest) throws {
        try state.withLock { try $0.add(digest) }
    }

    /// `add(_:)` for each, in one go (a batch of skipped records).
    public func add(contentsOf digests: [Digest]) throws {
        try state.withLock { state in
            for digest in digests { try state.add(digest) }
        }
    }

    /// Ends the counting: what follows are look-ups. Once only.
    public func seal() throws {
        try state.withLock { try $0.seal() }
    }

    /// How many times the text with this digest occurred among the skipped records. After `seal()` only.
    public func occurrences(of digest: Digest) throws -> Int {
        try state.withLock { try $0.occurrences(of: digest) }
    }

    /// Digests added so far.
    public var count: Int { state.withLock { $0.added } }

    /// Whether the counts went to a temporary file (the skipped records outgrew the buffer).
    var spilled: Bool { state.withLock { $0.file >= 0 } }

    /// Runs still in the file, before sealing: what the tests look at.
    var runsWritten: Int { state.withLock { $0.runs.count } }

    /// Identity: each input's skipped records are a set of their own.
    public static func == (a: SkippedTexts, b: SkippedTexts) -> Bool { a === b }

    /// SHA-256 fetched from OpenSSL once (`EVP_sha256()` makes OpenSSL 3 look the algorithm up on every use).
    fileprivate struct Algorithm: @unchecked Sendable {
        let md: OpaquePointer?
        static let sha256 = Algorithm(md: EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256())
    }
}

extension SkippedTexts: Equatable {}

public enum SkippedTextsError: Error, CustomStringConvertible {
    case temporaryFile(reason: String)
    case io(operation: String, reason: String)

    public var description: String {
        switch self {
        case let .temporaryFile(reason):
            return "cannot create a temporary file for the texts of the skipped records (--incremental): \(reason)"
        case let .io(operation, reason):
            return "cannot \(operation) the temporary file of the skipped records' texts (--incremental): \(reason)"
        }
    }
}

/// One text's count in a run: 40 bytes, as written to the file.
private struct Entry {
    var digest: SkippedTexts.Digest
    var count: UInt64
}

/// A sorted run of entries in the file: its first entry's index and how many follow.
private struct Run {
    var start: Int
    var count: Int
}

private struct State: ~Copyable {
    let limits: SkippedTexts.Limits
    var added = 0
    var sealed = false
    /// Digests not yet written out, unsorted.
    var buffer: [SkippedTexts.Digest] = []
    /// The temporary file (already unlinked), once something was written to it; -1 before.
    var file: Int32 = -1
    /// Entries written to the file so far: where the next run starts.
    var fileEntries = 0
    var runs: [Run] = []
    // After sealing:
    /// Every digest added, sorted (a text's count is the length of its range), when nothing went to the file.
    var inMemory: [SkippedTexts.Digest]?
    /// The sealed run in the file, its blocks' first digests, and its Bloom filter.
    var sealedRun = Run(start: 0, count: 0)
    var blockStarts: [SkippedTexts.Digest] = []
    var filter: [UInt64] = []
    var cache: [SkippedTexts.Digest: Int] = [:]

    init(limits: SkippedTexts.Limits) { self.limits = limits }

    mutating func add(_ digest: SkippedTexts.Digest) throws {
        precondition(!sealed, "texts are added before the counts are sealed")
        added += 1
        // Grown by doubling up to the limit, never past it.
        if buffer.count == buffer.capacity && buffer.capacity < limits.bufferedDigests {
            buffer.reserveCapacity(min(limits.bufferedDigests, max(1_024, 2 * buffer.capacity)))
        }
        buffer.append(digest)
        if buffer.count >= limits.bufferedDigests { try spill() }
    }

    mutating func seal() throws {
        precondition(!sealed, "sealed once")
        sealed = true
        if file < 0 {
            buffer.sort()
            inMemory = buffer
            buffer = []
            return
        }
        if !buffer.isEmpty { try spill() }
        buffer = []
        while runs.count > limits.runsPerMerge {
            var merged = [Run]()
            for group in stride(from: 0, to: runs.count, by: limits.runsPerMerge) {
                let end = min(group + limits.runsPerMerge, runs.count)
                merged.append(try merge(Array(runs[group..<end])) { _ in })
            }
            runs = merged
        }
        let distinct = runs.reduce(0) { $0 + $1.count }
        var bits = 64
        while bits < limits.filterBits && bits < distinct * 16 { bits *= 2 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        var position = 0
        var blockStarts = [SkippedTexts.Digest]()
        let entriesPerBlock = limits.entriesPerBlock
        let visit = { (entry: Entry) in
            if position % entriesPerBlock == 0 { blockStarts.append(entry.digest) }
            position += 1
            Self.setBits(of: entry.digest, in: &filter)
        }
        if runs.count == 1 {
            try forEachEntry(of: runs[0], visit)
            sealedRun = runs[0]
        } else {
            sealedRun = try merge(runs, visit)
        }
        self.blockStarts = blockStarts
        self.filter = filter
        runs = []
    }

    mutating func occurrences(of digest: SkippedTexts.Digest) throws -> Int {
        precondition(sealed, "look-ups come after sealing")
        if let inMemory {
            // Two bisections, whatever the count: a text such as "好评" may fill most of the array.
            return Self.partitionPoint(of: inMemory) { $0 <= digest } - Self.partitionPoint(of: inMemory) { $0 < digest }
        }
        guard Self.mayHold(digest, filter) else { return 0 }
        if let cached = cache[digest] { return cached }
        // The last block whose first digest is not after this one.
        let blocksNotAfter = Self.partitionPoint(of: blockStarts) { $0 <= digest }
        var found = 0
        if blocksNotAfter > 0 {
            let first = (blocksNotAfter - 1) * limits.entriesPerBlock
            let block = try Self.read(file, Run(start: sealedRun.start + first,
                                     count: min(limits.entriesPerBlock, sealedRun.count - first)))
            let index = Self.partitionPoint(of: block) { $0.digest < digest }
            found = index < block.count && block[index].digest == digest ? Int(block[index].count) : 0
        }
        if cache.count >= limits.cachedLookups { cache.removeAll(keepingCapacity: true) }
        cache[digest] = found
        return found
    }

    mutating func closeFile() {
        if file >= 0 { close(file) }
        file = -1
    }

    // MARK: Runs

    /// Sorts the buffer and writes its counts out as a run.
    private mutating func spill() throws {
        if file < 0 { file = try Self.temporaryFile() }
        buffer.sort()
        var output = Output(file: file, start: fileEntries)
        var current = Entry(digest: buffer[0], count: 0)
        for digest in buffer {
            if digest != current.digest {
                try output.append(current)
                current = Entry(digest: digest, count: 0)
            }
            current.count += 1
        }
        try output.append(current)
        buffer.removeAll(keepingCapacity: true)
        runs.append(try output.finish())
        fileEntries += runs.last!.count
    }

    /// Merges sorted runs into one written after them, adding the counts of a digest that several hold; `visit` sees
    /// each entry of the result in order.
    private mutating func merge(_ group: [Run], _ visit: (Entry) -> Void) throws -> Run {
        let file = self.file
        var readers = group.map { RunReader(run: $0) }
        // Each reader's next entry, and a min-heap of the readers that have one, by that entry's digest.
        var heads = [Entry?](repeating: nil, count: readers.count)
        var heap = [Int]()
        for index in readers.indices {
            heads[index] = try readers[index].next(file)
            if heads[index] != nil { heap.append(index) }
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && heads[heap[left]]!.digest < heads[heap[smallest]]!.digest { smallest = left }
                if right < heap.count && heads[heap[right]]!.digest < heads[heap[smallest]]!.digest { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(start) }
        var output = Output(file: file, start: fileEntries)
        var current: Entry?
        func emit(_ entry: Entry) throws {
            visit(entry)
            try output.append(entry)
        }
        while let top = heap.first {
            let entry = heads[top]!
            if current?.digest == entry.digest {
                current!.count += entry.count
            } else {
                if let current { try emit(current) }
                current = entry
            }
            heads[top] = try readers[top].next(file)
            if heads[top] == nil {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        if let current { try emit(current) }
        let merged = try output.finish()
        fileEntries += merged.count
        return merged
    }

    private func forEachEntry(of run: Run, _ visit: (Entry) -> Void) throws {
        var reader = RunReader(run: run)
        while let entry = try reader.next(file) { visit(entry) }
    }

    /// Reads a run's entries, in a few calls at most.
    private struct RunReader {
        var run: Run
        var buffer: [Entry] = []
        var position = 0
        var read = 0

        init(run: Run) { self.run = run }

        mutating func next(_ file: Int32) throws -> Entry? {
            if position == buffer.count {
                guard read < run.count else { return nil }
                let count = min(State.entriesPerIO, run.count - read)
                buffer = try State.read(file, Run(start: run.start + read, count: count))
                read += count
                position = 0
            }
            position += 1
            return buffer[position - 1]
        }
    }

    /// Entries read or written in one call (40 KiB).
    static let entriesPerIO = 1_024

    /// Writes a run's entries as they come, `entriesPerIO` at a time, from `start` on.
    private struct Output {
        let file: Int32
        let start: Int
        var written = 0
        var pending: [Entry] = []

        init(file: Int32, start: Int) {
            self.file = file
            self.start = start
            pending.reserveCapacity(State.entriesPerIO)
        }

        mutating func append(_ entry: Entry) throws {
            pending.append(entry)
            if pending.count == State.entriesPerIO { try flush() }
        }

        /// The run written.
        mutating func finish() throws -> Run {
            try flush()
            return Run(start: start, count: written)
        }

        private mutating func flush() throws {
            try State.write(pending, to: file, at: start + written)
            written += pending.count
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// How many of the first items satisfy `isBefore`, which holds for a prefix of `items` (sorted) and for no item
    /// after it: the index of the first item that does not.
    private static func partitionPoint<Item>(of items: [Item], _ isBefore: (Item) -> Bool) -> Int {
        var (low, high) = (0, items.count)
        while low < high {
            let middle = (low + high) / 2
            if isBefore(items[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Bloom filter

    /// The filter's bit number `probe` (of four) for a digest: double hashing on its first two words (a SHA-256 is
    /// already uniform; see `RepeatCounter`).
    private static func bit(_ probe: UInt64, of digest: SkippedTexts.Digest, in filter: [UInt64]) -> (Int, UInt64) {
        let bit = (digest.words.0 &+ probe &* (digest.words.1 | 1)) & UInt64(filter.count * 64 - 1)
        return (Int(bit >> 6), UInt64(1) << (bit & 63))
    }

    private static func setBits(of digest: SkippedTexts.Digest, in filter: inout [UInt64]) {
        for probe in 0..<UInt64(4) {
            let (word, flag) = bit(probe, of: digest, in: filter)
            filter[word] |= flag
        }
    }

    private static func mayHold(_ digest: SkippedTexts.Digest, _ filter: [UInt64]) -> Bool {
        for probe in 0..<UInt64(4) {
            let (word, flag) = bit(probe, of: digest, in: filter)
            if filter[word] & flag == 0 { return false }
        }
        return true
    }

    // MARK: File

    /// A new file in the first directory of `SQLITE_TMPDIR`, `TMPDIR`, `/var/tmp`, `/usr/tmp`, `/tmp` and the current
    /// one where it can be made (SQLite's order, so one place takes the run's temporary files), deleted at once.
    private static func temporaryFile() throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let directories = [environment["SQLITE_TMPDIR"], environment["TMPDIR"], "/var/tmp", "/usr/tmp", "/tmp", "."]
            .compactMap { $0 }.filter { !$0.isEmpty }
        var reason = "no directory to write to"
        for directory in directories {
            var template = Array((directory + "/rater-skipped-texts-XXXXXX").utf8CString)
            let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if file < 0 {
                reason = "\(directory): " + String(cString: strerror(errno))
                continue
            }
            // Close-on-exec (Glibc's module has no `mkostemp`): the unlinked file must not outlive the run in a child.
            _ = fcntl(file, F_SETFD, FD_CLOEXEC)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            return file
        }
        throw SkippedTextsError.temporaryFile(reason: reason)
    }

    fileprivate static func write(_ entries: [Entry], to file: Int32, at index: Int) throws {
        try entries.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let offset = off_t(index * MemoryLayout<Entry>.stride + done)
                let count = pwrite(file, bytes.baseAddress! + done, bytes.count - done, offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    // A write of nothing sets no errno: say so rather than quote a stale one.
                    let reason = count == 0 ? "wrote nothing (disk full?)" : String(cString: strerror(errno))
                    throw SkippedTextsError.io(operation: "write", reason: reason)
                }
                done += count
            }
        }
    }

    fileprivate static func read(_ file: Int32, _ run: Run) throws -> [Entry] {
        try [Entry](unsafeUninitializedCapacity: run.count) { entries, initialized in
            let bytes = UnsafeMutableRawBufferPointer(entries)
            var done = 0
            while done < run.count * MemoryLayout<Entry>.stride {
                let offset = off_t(run.start * MemoryLayout<Entry>.stride + done)
                let count = pread(file, bytes.baseAddress! + done, run.count * MemoryLayout<Entry>.stride - done,
                                  offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    throw SkippedTextsError.io(operation: "read",
                                               reason: count == 0 ? "it ended early" : String(cString: strerror(errno)))
                }
                done += count
            }
            initialized = run.count
        }
    }
}
