import RaterCore

/// Wraps a reader so an input that breaks off while being read (a truncated `.gz`, an I/O error, a converter
/// failure) ends with one `unreadable_input` rejection instead of an error that would abort the whole run.
///
/// Everything read before the break has already been handed out, so nothing is lost silently: the records before
/// it are results, the rest of the input is one rejection naming why, and the counts still reconcile.
///
/// Readers read ahead when they start (a CSV header, XML's first chunk), so the guard also makes the reader, and a
/// read failure there is reported by the first `next()`. Errors about the options (a missing column) still end the
/// run: they would fail every input the same way.
struct UnreadableInputGuard: RecordReader {
    /// Not optional: a call through an optional existential copied the reader out and back, twice a record (a
    /// sixth of reading plain text); `opened` says whether it is the real one yet.
    private var reader: any RecordReader = NoRecords()
    private var opened = false
    private let makeReader: () throws -> any RecordReader
    private let source: String
    private var events = 0
    private var ended = false

    init(source: String, makeReader: @escaping () throws -> any RecordReader) {
        self.source = source
        self.makeReader = makeReader
    }

    /// Makes the reader unless reading fails; only a read failure is kept for `next()` to report.
    mutating func prepare() throws {
        do {
            reader = try makeReader()
            opened = true
        } catch let IngestError.readFailed(_, reason) {
            pendingFailure = reason
        }
    }

    private var pendingFailure: String?

    var lastRecordUnterminated: Bool { opened && reader.lastRecordUnterminated }

    mutating func next() throws -> IngestEvent? {
        if let reason = pendingFailure {
            pendingFailure = nil
            ended = true
            events += 1
            return .rejected(Rejection(source: source, recordNumber: events, reason: .unreadableInput(message: reason),
                                       raw: ""))
        }
        guard !ended else { return nil }
        do {
            if !opened {
                reader = try makeReader()
                opened = true
            }
            let event = try reader.next()
            if event == nil { ended = true } else { events += 1 }
            return event
        } catch let IngestError.readFailed(_, reason) {
            ended = true
            events += 1
            return .rejected(Rejection(source: source, recordNumber: events, reason: .unreadableInput(message: reason),
                                       raw: ""))
        }
    }
}

/// The guard's reader before the real one is made.
private struct NoRecords: RecordReader {
    mutating func next() throws -> IngestEvent? { nil }
}
