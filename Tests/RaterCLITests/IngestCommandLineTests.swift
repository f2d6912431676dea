import Foundation
import Testing

/// Ingestion as a cron line sees it: options, patterns, standard input, exit codes and the rejects file.
@Suite struct IngestCommandLineTests {
    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func patternsReadEveryMatchingFileInOrder() throws {
        let outcome = try CLIProcess.run(["records", "--count", "Corpora/unusual/*_restaurant.csv",
                                          "Corpora/unusual/utf16*"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let opened = lines(outcome.standardError).filter { $0.hasPrefix("rater: Corpora/") }
        #expect(opened == [
            "rater: Corpora/unusual/big5_restaurant.csv: csv, Big5 (statistics(confidence: 100))",
            "rater: Corpora/unusual/utf16be_telecom.csv: csv, UTF-16BE (byteOrderMark)",
            "rater: Corpora/unusual/utf16le_bank.tsv: tsv, UTF-16LE (byteOrderMark)",
        ])
        #expect(outcome.standardError.contains("read 11, rejected 0"))
    }

    @Test func aPatternMatchingNothingFailsBeforeAnyWork() throws {
        let outcome = try CLIProcess.run(["analyze", "Corpora/unusual/*.nothing"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("Corpora/unusual/*.nothing: no file matches this pattern"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func standardInputWithForcedFormatDelimiterAndEncoding() throws {
        let gbk: [UInt8] = [0x31, 0x7C, 0xBA, 0xC3, 0x0A]  // "1|好\n" in GBK
        let outcome = try CLIProcess.run(["records", "--format", "csv", "--no-header", "--delimiter", "pipe",
                                          "--encoding", "GBK", "--id-column", "1", "-"]) { pipe in
            try pipe.write(contentsOf: Data(gbk))
        }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "{\"id\":\"1\",\"source\":\"-\",\"record\":1,\"line\":1,\"text\":\"好\",\"fields\":{}}\n")
    }

    @Test func rejectsFileAndExitCodeThree() throws {
        let rejects = NSTemporaryDirectory() + "rater-rejects-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let outcome = try CLIProcess.run(["analyze", "Corpora/unusual/invalid_bytes_gbk.csv", "--rejects", rejects,
                                          "--no-explanation"])
        #expect(outcome.status == 3)
        #expect(lines(outcome.standardOutput).count == 2)
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejected.contains("\"reason\":\"invalid_encoding\""))
        #expect(rejected.contains("\"line\":3"))
        #expect(rejected.contains("bytes that are not valid GB18030 (0x81) at byte 30"))
        // The summary reconciles: read = analysed + rejected.
        #expect(outcome.standardError.contains("read 3, analysed 2, rejected 1"))
    }

    @Test func strictStopsWithExitCodeFour() throws {
        let outcome = try CLIProcess.run(["analyze", "--strict", "Corpora/unusual/invalid_bytes_gbk.csv"])
        #expect(outcome.status == 4)
    }

    @Test func aTruncatedInputDoesNotCostTheOthers() throws {
        let outcome = try CLIProcess.run(["analyze", "--no-explanation", "Corpora/unusual/truncated.csv.gz",
                                          "Corpora/unusual/delivery.csv.gz"])
        #expect(outcome.status == 3)
        let ids = lines(outcome.standardOutput).compactMap { line -> String? in
            guard let start = line.range(of: "\"id\":\"")?.upperBound else { return nil }
            return String(line[start...].prefix { $0 != "\"" })
        }
        #expect(ids.suffix(3) == ["D1", "D2", "D3"])
        #expect(outcome.standardError.contains("unreadable_input 1"))
    }

    @Test func fuzzPropertiesHoldOnTheWholeCorpus() throws {
        // The same checks libFuzzer runs (scripts/fuzz.sh), replayed over every team-written export and lexicon.
        for target in ["csv", "xml", "text", "jsonl", "encoding", "lexicon"] {
            var arguments = target == "lexicon" ? [target, "Lexicons"]
                : [target, "Corpora/samples", "Corpora/malformed", "Corpora/unusual"]
            if FileManager.default.fileExists(atPath: CLIProcess.repository.path + "/Corpora/fuzz-regressions/" + target) {
                arguments.append("Corpora/fuzz-regressions/" + target)
            }
            let outcome = try CLIProcess.run(arguments, program: "rater-fuzz")
            #expect(outcome.status == 0, "\(target): \(outcome.standardError)")
            #expect(outcome.standardOutput.contains("all properties held"))
        }
    }
}
