import RaterCore
import Testing

@testable import RaterIngest

@Suite struct TextRecordReaderTests {
    @Test func oneCommentPerLineSkippingBlankLines() throws {
        let path = try temporaryFile("first\n\n  \nsecond\r\nthird", suffix: ".txt")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["first", "second", "third"])
        #expect(records.map(\.line) == [1, 4, 5])
        #expect(records.map(\.recordNumber) == [1, 2, 3])
    }

    @Test func controlCharactersDoNotLoseRecords() throws {
        let events = try readAll(corpora + "/malformed/control_chars.txt")
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.record != nil || $0.rejection != nil })
    }
}

@Suite struct XMLRecordReaderTests {
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
        #expect(events.first?.rejection?.reason == .missingElement(name: "text"))
    }

    @Test func brokenXMLIsReportedWithItsLine() throws {
        let events = try readAll(corpora + "/malformed/broken.xml")
        let rejection = try #require(events.last?.rejection)
        guard case let .malformedXML(message) = rejection.reason else {
            Issue.record("expected malformed XML, got \(rejection.reason)")
            return
        }
        #expect(message.contains("reading stopped"))
        #expect(rejection.line == 5)
    }

    /// libxml2 parses ahead in chunks, so a fatal error may surface a few records early; everything well before
    /// it must still come out as records.
    @Test func recordsLongBeforeAnErrorSurvive() throws {
        var xml = "<reviews>\n"
        for index in 1...2_000 { xml += "<review id=\"\(index)\"><text>comment \(index)</text></review>\n" }
        xml += "<review id=\"bad\"><text>broken</txet></review>\n</reviews>\n"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.compactMap(\.record).count >= 1_900)
        #expect(events.last?.rejection?.line == 2_002)
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
}
