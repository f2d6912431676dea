// rater-bench: throughput of each layer of Rater on one input, in one process, release build.
//
//   rater-bench INPUT [--text-column NAME] [--format F] [--jobs N] [--lexicons DIR] [--stage NAME]...  (--help)
//
// `--stage` (ingest, icu, pipeline, parallel; repeatable, default all) runs only those stages, so that an
// instruction count under `valgrind --tool=callgrind` covers one layer (see the README's Throughput section).
// `--stage store` (never part of the default) measures the database path: the one-core pipeline with every result
// written to a fresh SQLite database as `rater analyze --db` writes it; against `pipeline`, the cost of storing.
//
// Measures, on the same records: ingestion alone; ingestion + ICU word break alone (the yardstick); the full
// per-comment pipeline on one core (normalize, segment, score, dimensions, JSON encoding); and a whole `AnalyzeRun`
// with N workers. Prints MB/s, comments/s, the pipeline/ICU ratio, the parallel speed-up and peak RSS.
// scripts/bench.sh generates the inputs and runs the comparisons. Nothing here is a test: figures depend on the
// machine.
import ArgumentParser
import Dispatch
import Foundation
import Rater
import RaterDatabase
import RaterSegment
import RaterSinks

/// The command line, parsed by swift-argument-parser like `rater`'s: `--help` explains it, and a missing input or
/// an unknown option is a usage error rather than a crash.
struct RaterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rater-bench",
        abstract: "Throughput of each layer of Rater on one input (release build; not a test).")

    @Argument(help: "The export to read (CSV, TSV, XML, text, JSON Lines; .gz too).")
    var input: String

    @Option(help: "The column or element that holds the comment.")
    var textColumn: String?

    @Option(help: "The input format (auto, or one of the formats `rater analyze --format` takes).")
    var format: InputFormat = .auto

    @Option(help: "Workers for the parallel stage (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The lexicon directory (default: found as `rater` finds it).")
    var lexicons: String?

    @Option(name: .customLong("stage"),
            help: "Run only this stage: ingest, icu, pipeline, parallel or store (repeatable; default all but store).")
    var stageList: [String] = []

    var stages: Set<String> { Set(stageList) }

    /// Whether to run `stage`: the ones asked for, or all but `store` (which writes a database) when none was.
    func runs(_ stage: String) -> Bool { stages.isEmpty ? stage != "store" : stages.contains(stage) }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: input) else { throw ValidationError("no such file: \(input)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        let known: Set = ["ingest", "icu", "pipeline", "parallel", "store"]
        if let unknown = stages.subtracting(known).sorted().first {
            throw ValidationError("unknown stage '\(unknown)' (ingest, icu, pipeline, parallel, store)")
        }
    }
}

/// Wall-clock and CPU seconds of `body`. CPU time is this thread's for the one-core stages (everything runs on the
/// calling thread) and the whole process's for the run with workers; on a busy machine it is the steadier figure for
/// one-core ratios, since other processes stretch wall-clock time but not the CPU time a stage needs.
struct Timing {
    var wall: Double
    var cpu: Double
}

func cpuSeconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(clock: clockid_t = CLOCK_THREAD_CPUTIME_ID, _ body: () throws -> Void) rethrows -> Timing {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds(clock)
    try body()
    return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: cpuSeconds(clock) - cpuStart)
}

let arguments = RaterBench.parseOrExit()
var options = IngestOptions()
options.format = arguments.format
options.textColumn = arguments.textColumn
let bytes = (try FileManager.default.attributesOfItem(atPath: arguments.input)[.size] as? Int) ?? 0
let megabytes = Double(bytes) / 1_048_576

func line(_ name: String, _ time: Timing, comments: Int) -> String {
    String(format: "%-28@ %8.2f s %9.2f MB/s %11.0f comments/s   CPU %8.2f s %9.2f MB/s", name as NSString,
           time.wall, megabytes / time.wall, Double(comments) / time.wall, time.cpu, megabytes / time.cpu)
}

/// Runs `stage` when it was asked for (or no stage was), printing its line.
func stage(_ key: String, _ name: String, clock: clockid_t = CLOCK_THREAD_CPUTIME_ID,
           _ body: () throws -> Int) rethrows -> Timing? {
    guard arguments.runs(key) else { return nil }
    var comments = 0
    let time = try seconds(clock: clock) { comments = try body() }
    print(line(name, time, comments: comments))
    return time
}

// Every stage reads the file again, so every figure includes reading and parsing the export.

// 1. Ingestion alone.
_ = try stage("ingest", "ingest") {
    var comments = 0
    var reader = try InputOpener.open(path: arguments.input, options: options, checksummed: false).reader
    while let event = try reader.next() { if case .record = event { comments += 1 } }
    return comments
}

// 2. Ingestion + ICU word break alone.
let baseline = try WordBreakBaseline()
var segments = 0
let icu = try stage("icu", "ingest + ICU word break") {
    var comments = 0
    var reader = try InputOpener.open(path: arguments.input, options: options, checksummed: false).reader
    while let event = try reader.next() {
        if case let .record(record) = event {
            segments += try baseline.segments(in: record.text)
            comments += 1
        }
    }
    return comments
}

// 3. The full pipeline on one core, results encoded as JSON and discarded.
let lexicons = try LexiconLocator.find(explicit: arguments.lexicons)
let engine = try Engine.standard(lexiconDirectory: lexicons)
let analyzer = try Analyzer(engine: engine)
let encoder = ResultEncoder()
var encodedBytes = 0
let single = try stage("pipeline", "pipeline, 1 core") {
    var comments = 0
    var reader = try InputOpener.open(path: arguments.input, options: options, checksummed: false).reader
    while let event = try reader.next() {
        if case let .record(record) = event {
            encodedBytes += encoder.encode(try analyzer.analyze(record)).count
            comments += 1
        }
    }
    return comments
}

// 4. A whole run with N workers, as `rater analyze` does it.
let parallel = try stage("parallel", "pipeline, \(arguments.jobs) workers", clock: CLOCK_PROCESS_CPUTIME_ID) {
    var comments = 0
    var run = AnalyzeRun(inputs: [arguments.input], options: options, engine: engine, jobs: arguments.jobs)
    _ = try run.run(writingLinesWith: encoder, delivering: [], onDelivery: { delivery in
        comments += 1
        encodedBytes += delivery.line.count
    }, onRejection: { _ in })
    return comments
}

// 5. The pipeline on one core with every result stored in a fresh SQLite database (in the temporary folder, removed
//    afterwards), the way `rater analyze --db` stores it: the worker's `StoredComment`, then the run's sink. Against
//    stage 3, the cost of the database path, which in a whole run falls on the one thread that feeds the databases.
let stored = try stage("store", "pipeline + SQLite, 1 core") {
    let path = NSTemporaryDirectory() + "/rater-bench-\(UUID().uuidString).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    var comments = 0
    let recorder = try RunRecorder(options: RunRecorder.Options(sqlitePath: path, inputs: [arguments.input]))
    _ = try recorder.record { sink in
        var reader = try InputOpener.open(path: arguments.input, options: options, checksummed: false).reader
        while let event = try reader.next() {
            if case let .record(record) = event {
                let result = try analyzer.analyze(record)
                let (line, stored) = encoder.encodeStoring(result)
                encodedBytes += line.count
                try sink.write(stored)
                comments += 1
            }
        }
        return .finished
    }
    return comments
}

if let icu, let single {
    print(String(format: "pipeline / ICU per core: %.2f (CPU time: %.2f)", icu.wall / single.wall, icu.cpu / single.cpu))
}
if let single, let parallel {
    print(String(format: "parallel speed-up: %.2f×", single.wall / parallel.wall))
}
if let single, let stored {
    print(String(format: "storing in SQLite: %.2f times the pipeline's time (CPU time: %.2f)",
                 stored.wall / single.wall, stored.cpu / single.cpu))
}
print("peak RSS: \(ProcessMetrics.peakResidentBytes / 1_048_576) MB")

extension InputFormat: ExpressibleByArgument {}
