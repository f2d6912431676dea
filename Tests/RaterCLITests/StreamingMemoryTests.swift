import Foundation
import Testing

/// A multi-hundred-megabyte export streams through ingestion in flat memory, and no record is lost on the way.
///
/// The export is generated on the fly into `rater records --count` through a pipe, so nothing that large touches the
/// disk; the child reports its own peak RSS. Flat means the peak for 256 MB stays within 32 MB of the peak for 16 MB:
/// alone the two differ by about 1 MB, but peak RSS also counts pages of the binary and its libraries, which vary by
/// some 10 MB when the machine is busy; holding even an eighth of the input would still fail the check. The absolute
/// ceiling is the 200 MB the throughput issue sets. The child reports VmHWM, which starts afresh at exec; `ru_maxrss`
/// carried over the test runner's own memory and read 111–173 MB in CI for a 33 MB program.
@Suite(.serialized) struct StreamingMemoryTests {
    /// One block of rows: mixed Chinese and English, quoted fields with commas and line breaks.
    static func csvBlock(rows: Int) -> Data {
        var text = ""
        for row in 0..<rows {
            text += "\(row),B\(row % 50),\"服务员态度很好, 上菜快, 环境干净; but the wait was long\",\"line one\nline two \(row)\"\n"
        }
        return Data(text.utf8)
    }

    static func xmlBlock(records: Int) -> Data {
        var text = ""
        for record in 0..<records {
            text += "<review id=\"r\(record)\"><store code=\"S\(record % 9)\">徐汇店</store>"
                + "<text>Staff were kind &amp; quick, 上菜很快 <![CDATA[<b>fast</b>]]></text></review>\n"
        }
        return Data(text.utf8)
    }

    struct Measured {
        var read: Int
        var peakMegabytes: Int
    }

    func measure(_ arguments: [String], header: Data, block: Data, footer: Data = Data(), megabytes: Int) throws
        -> (Measured, repeats: Int)
    {
        let repeats = megabytes * 1_048_576 / block.count
        let outcome = try CLIProcess.run(arguments) { pipe in
            try pipe.write(contentsOf: header)
            for _ in 0..<repeats { try pipe.write(contentsOf: block) }
            try pipe.write(contentsOf: footer)
        }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let summary = try #require(outcome.standardError.split(separator: "\n").last { $0.contains("peak RSS") })
        let numbers = summary.split { !$0.isNumber }.compactMap { Int($0) }
        return (Measured(read: numbers[0], peakMegabytes: numbers[2]), repeats)
    }

    @Test func csvMemoryIsFlat() throws {
        let block = Self.csvBlock(rows: 500)
        let header = Data("id,branch,text,note\n".utf8)
        let arguments = ["records", "--count", "--format", "csv", "--text-column", "text", "-"]
        let (small, smallRepeats) = try measure(arguments, header: header, block: block, megabytes: 16)
        let (large, largeRepeats) = try measure(arguments, header: header, block: block, megabytes: 256)
        // Every generated row is a record: none lost, none invented.
        #expect(small.read == smallRepeats * 500)
        #expect(large.read == largeRepeats * 500)
        #expect(large.peakMegabytes - small.peakMegabytes <= 32, "peak RSS \(small.peakMegabytes) MB for 16 MB, \(large.peakMegabytes) MB for 256 MB")
        #expect(large.peakMegabytes < 200)
        print("csv peak RSS: \(small.peakMegabytes) MB for 16 MB, \(large.peakMegabytes) MB for 256 MB")
    }

    @Test func xmlMemoryIsFlat() throws {
        let block = Self.xmlBlock(records: 400)
        let header = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reviews>\n".utf8)
        let footer = Data("</reviews>\n".utf8)
        let arguments = ["records", "--count", "--format", "xml", "-"]
        let (small, smallRepeats) = try measure(arguments, header: header, block: block, footer: footer, megabytes: 8)
        let (large, largeRepeats) = try measure(arguments, header: header, block: block, footer: footer, megabytes: 64)
        #expect(small.read == smallRepeats * 400)
        #expect(large.read == largeRepeats * 400)
        #expect(large.peakMegabytes - small.peakMegabytes <= 32, "peak RSS \(small.peakMegabytes) MB for 8 MB, \(large.peakMegabytes) MB for 64 MB")
        #expect(large.peakMegabytes < 200)
        print("xml peak RSS: \(small.peakMegabytes) MB for 8 MB, \(large.peakMegabytes) MB for 64 MB")
    }

    /// The whole analysis keeps memory flat too: results leave as they are written. (A leak of every result once
    /// made a 20 MB run peak at 274 MB; it grows about 13 MB per MB, so 0.5 MB against 3 MB shows it plainly.)
    @Test func analysisMemoryIsFlat() throws {
        let block = Self.csvBlock(rows: 200)
        let header = Data("id,branch,text,note\n".utf8)
        let arguments = ["analyze", "--format", "csv", "--text-column", "text", "--no-explanation", "--jobs", "2",
                         "-o", "/dev/null", "-"]
        let small = try measureAnalysis(arguments, header: header, block: block, kilobytes: 512)
        let large = try measureAnalysis(arguments, header: header, block: block, kilobytes: 3_072)
        #expect(large.read > small.read * 5)
        #expect(large.peakMegabytes - small.peakMegabytes <= 16,
                "peak RSS \(small.peakMegabytes) MB for 0.5 MB, \(large.peakMegabytes) MB for 3 MB")
        print("analyze peak RSS: \(small.peakMegabytes) MB for 0.5 MB, \(large.peakMegabytes) MB for 3 MB")
    }

    func measureAnalysis(_ arguments: [String], header: Data, block: Data, kilobytes: Int) throws -> Measured {
        let repeats = max(1, kilobytes * 1_024 / block.count)
        let outcome = try CLIProcess.run(arguments) { pipe in
            try pipe.write(contentsOf: header)
            for _ in 0..<repeats { try pipe.write(contentsOf: block) }
        }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let summary = try #require(outcome.standardError.split(separator: "\n").first { $0.contains("peak RSS") })
        // "read N, analysed N, rejected 0 in S s (X MB/s, Y comments/s, peak RSS Z MB)"
        let read = Int(summary.split(separator: ",")[0].split(separator: " ").last ?? "") ?? 0
        let peak = summary.components(separatedBy: "peak RSS ").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        return Measured(read: read, peakMegabytes: peak)
    }
}
