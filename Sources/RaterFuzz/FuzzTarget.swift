import RaterCore
import RaterIngest
import RaterLexicon

/// What each fuzz target feeds arbitrary bytes to, and the properties it checks beyond "does not crash or hang".
///
/// - The readers must account for every record: record numbers run 1, 2, 3 … with no gap, whatever the bytes.
/// - Reading must not depend on how the input is cut into chunks: a 7-byte chunk size must give exactly the events
///   a 64 KB one gives (chunk boundaries fall inside quotes, CRLFs, multi-byte characters and BOMs).
/// - The encoding detector must pick a charset ICU can open, and decoding must never produce invalid UTF-8 except
///   the marker bytes that stand for invalid input.
/// - A lexicon file (analysts edit them by hand) either loads or fails with a `LexiconError` that names the file;
///   a loaded one gives folded terms, a matcher whose terms are in `String` order (`TermOrder` takes a byte
///   comparison where NFC cannot matter), and a trie that finds every term at its own index.
enum FuzzTarget: String, CaseIterable {
    case csv
    case xml
    case text
    case jsonl
    case encoding
    case lexicon

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: checkReader(bytes, path: "fuzz.csv", format: .csv)
        case .xml: checkReader(bytes, path: "fuzz.xml", format: .xml)
        case .text: checkReader(bytes, path: "fuzz.txt", format: .text)
        case .jsonl: checkReader(bytes, path: "fuzz.jsonl", format: .jsonl)
        case .encoding: checkEncoding(bytes)
        case .lexicon: checkLexicon(bytes)
        }
    }

    private func checkLexicon(_ bytes: [UInt8]) {
        let file: LexiconFile
        do {
            file = try LexiconFile(path: "fuzz.tsv", contents: String(decoding: bytes, as: UTF8.self))
        } catch let error as LexiconError {
            require(error.description.contains("fuzz.tsv"), "the error does not name the file: \(error)")
            return
        } catch {
            require(false, "a lexicon failed with \(error), not a LexiconError")
            return
        }
        for (term, _) in file.entries {
            // Bytes, not `String ==`, which would take a canonically equivalent spelling for the same.
            require(Array(LexiconTerm.fold(term).utf8) == Array(term.utf8), "term \(term.debugDescription) is not folded")
        }
        var lexicon = Lexicon()
        lexicon.add(file)
        let matcher = lexicon.makeMatcher()
        for (index, term) in matcher.terms.enumerated() {
            if index > 0 { require(matcher.terms[index - 1] < term, "matcher terms out of String order at \(index)") }
            require(matcher.lookup(term.utf8) == index, "the trie does not find \(term.debugDescription) at \(index)")
        }
    }

    private func checkReader(_ bytes: [UInt8], path: String, format: InputFormat) {
        var options = IngestOptions()
        options.format = format
        options.maximumTextBytes = 4_096
        let whole = events(bytes, path: path, options: options, chunkSize: 1 << 16)
        for (index, event) in whole.enumerated() {
            require(recordNumber(of: event) == index + 1, "record numbers must run without gaps: \(whole)")
        }
        // XML is pulled by libxml2 in its own request sizes, so only the delimited, text and JSONL readers see our chunks.
        if format != .xml {
            let chunked = events(bytes, path: path, options: options, chunkSize: 7)
            require(chunked == whole, "7-byte chunks gave \(chunked), 64 KB chunks gave \(whole)")
        }
    }

    private func events(_ bytes: [UInt8], path: String, options: IngestOptions, chunkSize: Int) -> [IngestEvent] {
        do {
            let stream = ByteStream(source: MemorySource(bytes), path: path, chunkSize: chunkSize)
            var reader = try InputOpener.open(source: stream, path: path, options: options).reader
            var events = [IngestEvent]()
            while let event = try reader.next() { events.append(event) }
            return events
        } catch {
            // Option errors and unknown declared encodings are legitimate outcomes for arbitrary bytes.
            return []
        }
    }

    private func recordNumber(of event: IngestEvent) -> Int {
        switch event {
        case let .record(record): return record.recordNumber
        case let .rejected(rejection): return rejection.recordNumber
        }
    }

    private func checkEncoding(_ bytes: [UInt8]) {
        let detected = EncodingDetector.detect(head: Array(bytes.prefix(EncodingDetector.sampleSize)))
        guard !detected.isUTF8 else { return }
        let source: TranscodingSource
        do {
            source = try TranscodingSource(upstream: MemorySource(Array(bytes.dropFirst(detected.byteOrderMarkLength))),
                                           charset: detected.name, path: "fuzz")
        } catch {
            // An XML declaration may name any charset; anything else the detector says must open.
            require(detected.evidence == .xmlDeclaration, "detector chose \(detected.name), which ICU cannot open")
            return
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1_000)
        while true {
            let read = (try? buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }) ?? 0
            if read == 0 { break }
            output += buffer[..<read]
        }
        let withoutMarkers = output.split(separator: TranscodingSource.invalidMarker, omittingEmptySubsequences: false)
        for piece in withoutMarkers {
            require(String(validating: piece, as: UTF8.self) != nil, "decoding \(detected.name) gave invalid UTF-8")
        }
    }

    private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property violated: \(message())") }
    }
}
