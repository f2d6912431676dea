import Foundation
import Testing

/// Messages that named the symptom and not the cause: a database in a folder that does not exist ("unable to open
/// database file"), a CSV cut inside a quoted field ("a quoted field is never closed"), a JSON Lines export whose
/// comments sit under another member ("no 'text' member").
@Suite struct OperatorHintsTests {
    @Test func aDatabaseInAFolderThatDoesNotExistSaysSo() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("export.csv", "id,text\n1,Great staff\n")
        let outcome = try CLIProcess.run(["analyze", input, "--db", folder.path + "nowhere/x.sqlite", "-o", "/dev/null"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("the folder \(folder.path)nowhere does not exist"), "\(outcome.standardError)")
    }

    @Test func aCSVCutInsideAQuotedFieldSaysTheFileEndsThere() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("cut.csv", "id,text\n1,Great staff\n2,\"The room was clean but")
        let outcome = try CLIProcess.run(["analyze", input, "-o", "/dev/null"])
        #expect(outcome.status == 3)
        #expect(outcome.standardError.contains("a quoted field is never closed: it runs to the end of the file "
            + "(truncated?)"), "\(outcome.standardError)")
    }

    @Test func aJSONLinesCommentUnderAnotherMemberNamesTheTextColumn() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("export.jsonl", #"{"id":"1","comment":"Great staff"}"# + "\n")
        let outcome = try CLIProcess.run(["analyze", input, "-o", "/dev/null"])
        #expect(outcome.status == 3)
        #expect(outcome.standardError.contains("pass --text-column comment"), "\(outcome.standardError)")
    }
}
