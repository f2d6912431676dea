import Foundation
import Testing

/// `analyze` is the default command, so a misspelt command was taken for an input file: `rater review --db x.sqlite`
/// said "review: cannot open (No such file or directory)", exit 1, as if an export were missing.
@Suite struct MisspeltCommandTests {
    @Test func aWordThatIsNeitherACommandNorAFileIsAUsageErrorNamingTheClosest() throws {
        let folder = try ScratchFolder()
        let review = try CLIProcess.run(["review", "--db", folder.path + "x.sqlite"], directory: folder.path)
        #expect(review.status == 64, "\(review.standardError)")
        #expect(review.standardError.contains("'review' is not a rater command (did you mean serve?)"),
                "\(review.standardError)")
        let explain = try CLIProcess.run(["explian", "The staff were lovely"], directory: folder.path)
        #expect(explain.status == 64)
        #expect(explain.standardError.contains("'explian' is not a rater command (did you mean explain?)"),
                "\(explain.standardError)")
        #expect(explain.standardError.contains("the commands are analyze, explain"), "\(explain.standardError)")
    }

    /// A file of that name is still read by the default command, and a path-shaped name is still a missing input.
    @Test func anExistingFileOrAPathIsStillAnInput() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("review", "The breakfast was cold\n")
        let read = try CLIProcess.run(["review", "-o", "/dev/null"], directory: folder.path)
        #expect(read.status == 0, "\(read.standardError)")
        let missing = try CLIProcess.run(["reviews.csv", "-o", "/dev/null"], directory: folder.path)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("cannot open"), "\(missing.standardError)")
    }

    @Test func closestCommandsAreByEditsAndNoneIsGuessedForAStrangeWord() throws {
        let folder = try ScratchFolder()
        let typo = try CLIProcess.run(["agregate", "r.jsonl"], directory: folder.path)
        #expect(typo.status == 64)
        #expect(typo.standardError.contains("(did you mean aggregate?)"), "\(typo.standardError)")
        let strange = try CLIProcess.run(["zzzzzz"], directory: folder.path)
        #expect(strange.status == 64)
        #expect(strange.standardError.contains("'zzzzzz' is not a rater command, nor a file here"),
                "\(strange.standardError)")
    }
}
