import Foundation
import Rater
import RaterAggregate
import RaterSinks
import Testing

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let engine: Engine = {
    do { return try Engine.standard(lexiconDirectory: root.appendingPathComponent("Lexicons").path) }
    catch { fatalError("\(error)") }
}()

/// Runs `rater analyze` in-process over a repository-relative input and returns the JSONL text and summary,
/// with paths written relative to the repository as `scripts/update-golden.sh` writes them.
func analyzeCorpus(_ relative: String, configure: (inout IngestOptions) -> Void = { _ in }, jobs: Int = 2) throws
    -> (output: String, summary: RunSummary, rejections: [Rejection])
{
    var options = IngestOptions()
    configure(&options)
    let absolute = root.appendingPathComponent(relative).path
    var run = AnalyzeRun(inputs: [absolute], options: options, engine: engine, jobs: jobs)
    let encoder = ResultEncoder()
    var output = [UInt8]()
    var rejections = [Rejection]()
    let summary = try run.run(
        onResult: { result in
            var result = result
            result.source = relative
            if result.id.hasPrefix(absolute) { result.id = relative + result.id.dropFirst(absolute.count) }
            output += encoder.encode(result)
        },
        onRejection: { rejections.append($0) })
    return (String(decoding: output, as: UTF8.self), summary, rejections)
}

@Suite struct GoldenCorpusTests {
    /// Path, expected record count, and the XML record/text elements where the defaults do not fit.
    static let samples: [(String, Int, String?, String?)] = [
        ("Corpora/samples/hotel_reviews_zh.csv", 40, nil, nil),
        ("Corpora/samples/restaurant_delivery_en.csv", 40, nil, nil),
        ("Corpora/samples/bank_telecom_mixed.tsv", 40, nil, nil),
        ("Corpora/samples/hospital_zh.txt", 30, nil, nil),
        ("Corpora/samples/retail_en.txt", 30, nil, nil),
        ("Corpora/samples/itops_tickets.xml", 30, "ticket", "feedback"),
        ("Corpora/samples/airline_en.xml", 25, nil, nil),
    ]

    static func configure(_ path: String) -> (inout IngestOptions) -> Void {
        let sample = samples.first { $0.0 == path }!
        return { options in
            options.xmlRecord = sample.2
            options.xmlText = sample.3
        }
    }

    @Test(arguments: samples.map { ($0.0, $0.1) })
    func everyRecordBecomesOneResult(_ path: String, _ expected: Int) throws {
        let configure = Self.configure(path)
        let (output, summary, rejections) = try analyzeCorpus(path, configure: configure)
        #expect(rejections.isEmpty)
        #expect(summary.read == expected)
        #expect(summary.analysed == expected)
        #expect(summary.reconciles)
        let lines = output.split(separator: "\n")
        #expect(lines.count == expected)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] is String)
            #expect(["zh", "en", "mixed", "und"].contains(object["lang"] as? String ?? ""))
            let sentiment = try #require(object["sentiment"] as? [String: Any])
            #expect(["positive", "negative", "neutral"].contains(sentiment["label"] as? String ?? ""))
            #expect(object["dimensions"] is [String: Any])
            #expect(object["fields"] is [String: Any])
        }
    }

    /// The whole output is pinned: a change to rules or lexicons that moves any result shows up here, and is
    /// accepted deliberately with `scripts/update-golden.sh`.
    @Test(arguments: samples.map(\.0))
    func outputMatchesTheGoldenFile(_ path: String) throws {
        let configure = Self.configure(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let goldenPath = root.appendingPathComponent("Corpora/expected/\(name).jsonl").path
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        let (output, _, _) = try analyzeCorpus(path, configure: configure)
        let expectedLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(actualLines.count == expectedLines.count)
        for (index, (actual, expected)) in zip(actualLines, expectedLines).enumerated() where actual != expected {
            Issue.record("\(name) line \(index + 1) differs:\n  expected \(expected)\n  actual   \(actual)")
            break
        }
    }

    @Test func outputIsTheSameWhateverTheNumberOfJobs() throws {
        let one = try analyzeCorpus("Corpora/samples/hotel_reviews_zh.csv", jobs: 1).output
        let two = try analyzeCorpus("Corpora/samples/hotel_reviews_zh.csv", jobs: 2).output
        #expect(one == two)
    }
}

/// `rater analyze` has its workers write the JSON lines; that path must give what encoding each result gives.
@Suite struct WorkerLineWritingTests {
    static func run(_ relative: String, jobs: Int, lines encoder: ResultEncoder?,
                    delivering contents: ResultDelivery.Contents = []) throws
        -> (lines: [[UInt8]], results: [CommentResult?], summary: RunSummary, rejections: [String],
            deliveries: [ResultDelivery])
    {
        var run = AnalyzeRun(inputs: [root.appendingPathComponent(relative).path], options: IngestOptions(),
                             engine: engine, jobs: jobs)
        run.batchSize = 16
        var lines = [[UInt8]](), results = [CommentResult?](), rejections = [String](), deliveries = [ResultDelivery]()
        let onRejection = { (rejection: Rejection) in rejections.append("\(rejection.recordNumber) \(rejection.reason.code)") }
        let summary: RunSummary
        if let encoder {
            summary = try run.run(writingLinesWith: encoder, delivering: contents, onDelivery: { delivery in
                lines.append(delivery.line)
                results.append(delivery.result)
                deliveries.append(delivery)
            }, onRejection: onRejection)
        } else {
            summary = try run.run(onResult: { result in
                lines.append(ResultEncoder().encode(result))
                results.append(result)
            }, onRejection: onRejection)
        }
        return (lines, results, summary, rejections, deliveries)
    }

    @Test(arguments: [1, 3])
    func linesFromTheWorkersAreTheEncodedResultsInInputOrder(jobs: Int) throws {
        for path in ["Corpora/samples/hotel_reviews_zh.csv", "Corpora/malformed/ragged_rows.csv"] {
            let expected = try Self.run(path, jobs: 1, lines: nil)
            let written = try Self.run(path, jobs: jobs, lines: ResultEncoder())
            #expect(!expected.lines.isEmpty)
            #expect(written.lines == expected.lines, "\(path)")
            #expect(written.rejections == expected.rejections, "\(path)")
            #expect(written.summary.labels == expected.summary.labels)
            #expect(written.summary.dimensions == expected.summary.dimensions)
            #expect(written.summary.read == expected.summary.read)
            #expect(written.summary.rejected == expected.summary.rejected)
            #expect(written.deliveries.allSatisfy { $0.result == nil && $0.stored == nil && $0.observation == nil },
                    "results are freed on the workers unless asked for")
        }
    }

    @Test func keptResultsComeWithTheirLines() throws {
        let encoder = ResultEncoder(includeText: true, includeExplanation: false)
        let written = try Self.run("Corpora/samples/retail_en.txt", jobs: 2, lines: encoder, delivering: .result)
        #expect(written.lines.count == 30)
        for (line, result) in zip(written.lines, written.results) {
            let result = try #require(result)
            #expect(line == encoder.encode(result))
        }
        #expect(written.deliveries.allSatisfy { $0.stored == nil && $0.observation == nil })
    }

    /// What databases and aggregates take of each result is made on the workers: it must be what the result
    /// itself gives, in input order, and nothing else is kept.
    @Test(arguments: [1, 3])
    func storedFormsAndObservationsAreThoseOfTheResults(jobs: Int) throws {
        for path in ["Corpora/samples/hotel_reviews_zh.csv", "Corpora/samples/retail_en.txt"] {
            let expected = try Self.run(path, jobs: 1, lines: nil)
            let written = try Self.run(path, jobs: jobs, lines: ResultEncoder(), delivering: [.stored, .observation])
            #expect(written.deliveries.count == expected.results.count)
            #expect(written.deliveries.contains { !($0.stored?.dimensions.isEmpty ?? true) }, "\(path)")
            for (delivery, result) in zip(written.deliveries, expected.results) {
                let result = try #require(result)
                #expect(delivery.result == nil)
                #expect(delivery.stored == StoredComment(result))
                #expect(delivery.observation == Observation(result))
            }
        }
    }
}

@Suite struct BadInputEndToEndTests {
    @Test(arguments: ["ragged_rows.csv", "empty_and_blank.csv", "unterminated_quote.csv", "bom_crlf.csv",
                      "control_chars.txt", "hostile_html.csv", "broken.xml", "billion_laughs.xml",
                      "external_entity.xml"])
    func countsReconcileAndNothingIsLost(_ name: String) throws {
        let (output, summary, rejections) = try analyzeCorpus("Corpora/malformed/\(name)")
        #expect(summary.reconciles)
        #expect(summary.read == summary.analysed + summary.rejected)
        #expect(output.split(separator: "\n").count == summary.analysed)
        #expect(rejections.count == summary.rejected)
        for rejection in rejections {
            #expect(!rejection.reason.message.isEmpty)
            #expect(rejection.source.hasSuffix(name))
        }
    }

    @Test func hostileTextIsCarriedAsDataNotMarkup() throws {
        let (output, _, _) = try analyzeCorpus("Corpora/malformed/hostile_html.csv")
        for line in output.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
            #expect(!line.contains("\u{202E}"))
        }
    }
}
