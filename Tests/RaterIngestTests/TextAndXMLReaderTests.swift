import Foundation
import RaterCore
import Testing

@testable import RaterIngest

@Suite(.temporaryFolder) struct TextRecordReaderTests {
    @Test func oneCommentPerLineSkippingBlankLines() throws {
        let path = try temporaryFile("first\n\n  \nsecond\r\nthird", suffix: ".txt")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["first", "second", "third"])
        #expect(records.map(\.line) == [1, 4, 5])
        #expect(records.map(\.recordNumber) == [1, 2, 3])
    }

    /// A lone CR ends a line, as in CSV: a file with CR line ends used to be one record. A CR LF split across chunks
    /// is still one line end, and a CR then an LF with nothing between is one too; in any chunk size.
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func aLoneCarriageReturnEndsALine(chunkSize: Int) throws {
        func read(_ text: String, paragraphs: Bool = false) throws -> [SourceRecord] {
            var options = IngestOptions()
            options.paragraphs = paragraphs
            let stream = ByteStream(source: MemorySource(Array(text.utf8)), path: "cr.txt", chunkSize: chunkSize)
            var reader = TextRecordReader(stream: stream, options: options)
            var records = [SourceRecord]()
            while let event = try reader.next() { records.append(try #require(event.record)) }
            return records
        }
        let lines = try read("first comment\rsecond comment\r\rthird\r\nfourth\n\rfifth\r")
        #expect(lines.map(\.text) == ["first comment", "second comment", "third", "fourth", "fifth"])
        #expect(lines.map(\.line) == [1, 2, 4, 5, 7])
        let paragraphs = try read("a one\ra two\r\rb one\r\n\r\nc one\rc two\r", paragraphs: true)
        #expect(paragraphs.map(\.text) == ["a one\na two", "b one", "c one\nc two"])
        #expect(paragraphs.map(\.line) == [1, 4, 6])
    }

    @Test func controlCharactersDoNotLoseRecords() throws {
        let events = try readAll(corpora + "/malformed/control_chars.txt")
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.record != nil || $0.rejection != nil })
    }
}

@Suite(.temporaryFolder) struct XMLRecordReaderTests {
    @Test func recordsWithAttributesChildrenEntitiesAndCDATA() throws {
        let xml = """
            <?xml version="1.0"?>
            <export xmlns:x="urn:x">
              <ticket id="T1" team="ops"><feedback>Fast &amp; polite &#x1F44D;</feedback><csat>5</csat></ticket>
              <ticket id="T2"><feedback><![CDATA[<b>slow</b> response]]></feedback></ticket>
              <x:ticket id="T3"><x:feedback>namespaced</x:feedback></x:ticket>
            </export>
            """
        let path = try temporaryFile(xml, suffix: ".xml")
        let records = try readAll(path) { $0.xmlRecord = "ticket"; $0.xmlText = "feedback" }.compactMap(\.record)
        #expect(records.map(\.text) == ["Fast & polite 👍", "<b>slow</b> response", "namespaced"])
        #expect(records.map(\.id) == ["T1", "T2", "T3"])
        #expect(records[0].fields == [Field("team", "ops"), Field("csat", "5")])
        #expect(records[0].line == 3)
    }

    @Test func recordElementDefaultsToTheRepeatedChildOfTheRoot() throws {
        let path = try temporaryFile("<reviews><review id=\"a\"><text>ok</text></review><review id=\"b\">own text</review></reviews>",
                                     suffix: ".xml")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["ok", "own text"])
    }

    @Test func missingTextElementIsRejected() throws {
        let path = try temporaryFile("<r><rec id=\"1\"><other>x</other></rec></r>", suffix: ".xml")
        let events = try readAll(path) { $0.xmlText = "text" }
        #expect(events.first?.rejection?.reason == .missingElement(name: "text", record: "rec", holds: ["other", "@id"],
                                                                   suggestion: "other"))
    }

    @Test func brokenXMLRejectsOnlyTheBrokenRecord() throws {
        let events = try readAll(corpora + "/malformed/broken.xml")
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2", "4"])
        let rejection = try #require(events.compactMap(\.rejection).first)
        #expect(events.compactMap(\.rejection).count == 1)
        #expect(rejection.recordNumber == 3)
        #expect(rejection.line == 5)
        #expect(rejection.reason == .malformedXML(message: "Opening and ending tag mismatch: text line 5 and txet"))
    }

    /// SAX events come before the error that follows them, so every record before a broken one survives, however
    /// the input falls into parse chunks.
    @Test func everyRecordBeforeAnErrorSurvives() throws {
        var xml = "<reviews>\n"
        for index in 1...2_000 { xml += "<review id=\"\(index)\"><text>comment \(index)</text></review>\n" }
        xml += "<review id=\"bad\"><text>broken</txet></review>\n</reviews>\n"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.compactMap(\.record).count == 2_000)
        #expect(events.count == 2_001)
        #expect(events.last?.rejection?.line == 2_002)
    }

    @Test func anErrorLibxml2CannotRecoverFromEndsWithTheRestRejected() throws {
        let xml = "<r>\n<x id=\"1\"><text>one</text></x>\n<x id=\"2\"><text>five < six</text></x>\n<x id=\"3\"><text>three</text></x>\n</r>\n"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.first?.record?.text == "one")
        #expect(events.count == 3)
        #expect(events[1].rejection?.reason == .malformedXML(message: "StartTag: invalid element name"))
        #expect(events[2].rejection?.reason
            == .malformedXML(message: "libxml2 cannot recover from the error above; the rest of the input is not read",
                             endsInput: true))
    }

    @Test func undefinedEntityRejectsItsRecordOnly() throws {
        let xml = "<r><x id=\"1\"><text>a &bogus; b</text></x><x id=\"2\"><text>fine</text></x></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.first?.rejection?.reason == .malformedXML(message: "Entity 'bogus' not defined"))
        #expect(events.last?.record?.text == "fine")
    }

    @Test func billionLaughsDoesNotExpand() throws {
        let events = try readAll(corpora + "/malformed/billion_laughs.xml")
        #expect(!events.isEmpty)
        for event in events {
            if let record = event.record { #expect(record.text.utf8.count < 10_000) }
        }
        #expect(events.contains { $0.rejection != nil })
    }

    @Test func externalEntityIsNeverResolved() throws {
        let events = try readAll(corpora + "/malformed/external_entity.xml")
        for event in events {
            #expect(!(event.record?.text.contains("root:") ?? false))
        }
        #expect(events.contains {
            if case .malformedXML = $0.rejection?.reason { return true } else { return false }
        })
    }
}

@Suite struct FormatDetectionTests {
    @Test func byExtensionThenContent() {
        #expect(InputFormat.detect(path: "a.CSV", head: []) == .csv)
        #expect(InputFormat.detect(path: "a.tsv.gz", head: []) == .tsv)
        #expect(InputFormat.detect(path: "-", head: Array("  <?xml".utf8)) == .xml)
        #expect(InputFormat.detect(path: "-", head: Array("id\ttext\n".utf8)) == .tsv)
        #expect(InputFormat.detect(path: "-", head: Array("id,text\n".utf8)) == .csv)
        #expect(InputFormat.detect(path: "-", head: Array("服务很好\n".utf8)) == .text)
    }

    /// Comments one per line, each with a comma, split the same way on every line: content-only detection took them
    /// for CSV, ate the first comment as the header and cut the others at their commas. Only a first line that
    /// looks like a header makes a table.
    @Test func proseWithACommaOnEveryLineIsText() throws {
        let comments = "Great food, slow service\nNice room, rude staff\nClean, but noisy\nFriendly staff, good value\n"
        #expect(InputFormat.detect(path: "-", head: Array(comments.utf8)) == .text)
        let opened = try InputOpener.open(source: MemorySource(Array(comments.utf8)), path: "-",
                                          options: IngestOptions())
        #expect(opened.format == .text)
        var reader = opened.reader
        var texts = [String]()
        while let event = try reader.next() { texts.append(try #require(event.record).text) }
        #expect(texts == ["Great food, slow service", "Nice room, rude staff", "Clean, but noisy",
                          "Friendly staff, good value"])
        // Digits and dates are data, not column names.
        #expect(InputFormat.detect(path: "-", head: Array("1,good\n2,bad\n".utf8)) == .text)
    }

    @Test func aTableWithAHeaderIsStillATable() throws {
        let csv = "id,comment\n1,\"good\"\n2,\"slow, but friendly\"\n"
        let opened = try InputOpener.open(source: MemorySource(Array(csv.utf8)), path: "-", options: IngestOptions())
        #expect(opened.format == .csv)
        var reader = opened.reader
        var texts = [String]()
        while let event = try reader.next() { texts.append(try #require(event.record).text) }
        #expect(texts == ["good", "slow, but friendly"])
        func detect(_ head: String, _ configure: (inout IngestOptions) -> Void = { _ in }) -> InputFormat {
            var options = IngestOptions()
            configure(&options)
            return InputFormat.detect(path: "-", head: Array(head.utf8), options: options)
        }
        // Short names without a column Rater knows, quoted names, names in Chinese, other delimiters.
        #expect(detect("ticket|agent|notes\nK1|Ana|Fixed, thanks\nK2|Bo|Slow\n") == .csv)
        #expect(detect("\"Store\",\"Visit date\",\"Remarks\"\nLyon,2026-01-02,ok\n") == .csv)
        #expect(detect("编号,门店,备注\n1,上海,很好\n") == .csv)
        #expect(detect("Review ID\tReview Text\nR1\tNice, clean\n") == .tsv)
        // A column named by --text-column makes its header a header, however it is worded.
        let survey = "ref,What did you think of your visit?\nA1,Lovely\nA2,Too loud\n"
        #expect(detect(survey) == .text)
        #expect(detect(survey) { $0.textColumn = "what did you think of your visit?" } == .csv)
        // With --no-header or --column-names the first row is data, and the options say it is a table.
        let headerless = "9001,2026-11-20,Quick reply from support and a full refund.\n9002,2026-11-21,Slow\n"
        #expect(detect(headerless) == .text)
        #expect(detect(headerless) { $0.hasHeader = false } == .csv)
        #expect(detect(headerless) { $0.columnNames = ["id", "date", "text"]; $0.hasHeader = false } == .csv)
    }

    /// Every export in Corpora/ with a header reads as its extension says when it comes without one (on standard
    /// input), charset decoding included; not the two whose content cannot say (no header; rows ragged on purpose).
    @Test func everyCorpusExportIsDetectedFromItsContent() throws {
        let manager = FileManager.default
        var checked = 0
        for folder in ["samples", "unusual", "malformed", "gold", "review"] {
            for name in try manager.contentsOfDirectory(atPath: corpora + "/" + folder).sorted() {
                let path = corpora + "/" + folder + "/" + name
                let byName = InputFormat.detect(path: path, head: [])
                guard [.csv, .tsv, .text].contains(byName), !["no_header.csv", "ragged_rows.csv"].contains(name) else {
                    continue
                }
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                let opened = try InputOpener.open(source: MemorySource(bytes), path: "-", options: IngestOptions())
                #expect(opened.format == byName, "\(folder)/\(name)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}
