import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// Exports concatenated whole (`cat a.csv.gz b.csv.gz`, `cat day1.csv day2.csv`) repeat the header inside the data:
/// it used to be analysed as a comment ("comment"), without a word.
@Suite(.temporaryFolder) struct RepeatedHeaderTests {
    @Test func aRowIdenticalToTheHeaderIsRejectedAsARepeatedHeader() throws {
        let path = try temporaryFile("id,branch,comment\n1,A,Great\n\u{FEFF}id, branch ,comment\n2,B,Slow\n", suffix: ".csv")
        let events = try readAll(path)
        #expect(events.count == 3)
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
        let rejection = try #require(events[1].rejection)
        #expect(rejection.reason == .repeatedHeader)
        #expect(rejection.reason.code == "repeated_header")
        #expect(rejection.line == 3)
        #expect(rejection.recordNumber == 2)
    }

    @Test func concatenatedGzipMembersEachWithAHeader() throws {
        let csv = Array("id,comment\n1,Great room\n2,服务很好\n".utf8)
        let member = try gzip(csv)
        let path = try temporaryFile(member + member, suffix: ".csv.gz")
        let events = try readAll(path)
        #expect(events.compactMap(\.record).map(\.text) == ["Great room", "服务很好", "Great room", "服务很好"])
        #expect(events.compactMap(\.rejection).map(\.reason) == [.repeatedHeader])
    }

    /// With --column-names the names given are the header: a row spelling them is one too. A row that only resembles
    /// the header (another value in one column) is data.
    @Test func columnNamesAndNearMisses() throws {
        let path = try temporaryFile("id,text\n1,id\nid,comment\n", suffix: ".csv")
        let events = try readAll(path) { $0.columnNames = ["id", "text"]; $0.hasHeader = false }
        #expect(events.map { $0.rejection?.reason } == [.repeatedHeader, nil, nil])
        #expect(events.compactMap(\.record).map(\.text) == ["id", "comment"])
    }

    private func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let plain = try temporaryFile(bytes, suffix: ".csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-k", plain]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
    }
}
