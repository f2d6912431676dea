import Foundation
import Testing

/// `rater lexicon import`: what its help promises about which lines are read is what it does.
@Suite struct LexiconImportCommandLineTests {
    /// The help once said every line starting with `;` is skipped, after the importer had learned to keep VADER's winks.
    @Test func theHelpSaysWhichSemicolonLinesAreSkipped() throws {
        let outcome = try CLIProcess.run(["lexicon", "import", "--help"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Wrapped to the terminal's width: compared with the line breaks and indents taken out.
        let help = outcome.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!help.contains("lines starting with # or ; are skipped"))
        #expect(help.contains("Skipped: blank lines, lines starting with #, and comment lines in the style of Hu and "
            + "Liu's opinion lexicon (a lone ;, or ; followed by ; or a blank)."))
        #expect(help.contains("Any other line starting with ; is a term, such as VADER's winks ;) ;-) ;D."))
    }

    /// Each kind of line the help names, through the command.
    @Test func theLinesTheHelpNamesAreSkippedOrKept() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("mixed.txt", "# a comment\n;;;;;;;;\n; Opinion Lexicon: Positive\n;\n;\tnote\n"
            + "\n   \n;)\t0.9\t0.3\t[1, 1]\n;-)\t1.0\n;D\t1.5\ngood\t1.9\ngood\t2.1\n")
        let outcome = try CLIProcess.run(["lexicon", "import", input, "--provenance", "tests", "-o",
                                          scratch.path + "out.tsv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let entries = try scratch.read("out.tsv").split(separator: "\n").filter { !$0.hasPrefix("#") }
        // Terms are folded as the analyser folds text (;D → ;d); a repeated term keeps its last valence.
        #expect(entries == [";)\t0.9", ";-)\t1.0", ";d\t1.5", "good\t2.1"])
    }

    /// `-o -` and a name of standard output write the file there. Foundation's atomic write renamed a temporary
    /// file over the name: `/dev/fd/1` could not be written at all, and `/dev/stdout` (as root, standard output
    /// redirected) would have been replaced as a link.
    @Test(arguments: ["-", "/dev/fd/1", "/proc/self/fd/1"])
    func theLexiconGoesToStandardOutputUnderAnyOfItsNames(_ output: String) throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("in.txt", "good\t1.9\n")
        let outcome = try CLIProcess.run(["lexicon", "import", input, "--provenance", "tests", "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("# kind: sentiment\n"))
        #expect(outcome.standardOutput.hasSuffix("good\t1.9\n"))
    }
}
