import Foundation
import Testing

/// `rater calibrate --output FILE` writes the fitted confidence model as JSON and `--confidence-model FILE` uses it:
/// the fit used to be printed only as Swift for the built-in defaults, which no user could apply.
@Suite(.serialized) struct ConfidenceModelFileTests {
    static let model = #"""
        {"polar": {"intercept": 0, "strengthWeight": 0, "evidenceWeight": 0}, "polarByLanguage": {},
         "neutral": {"intercept": 0, "strengthWeight": 0, "evidenceWeight": 0}, "emptyNeutral": 0.25}
        """#

    @Test func aFittedModelIsWrittenAndUsed() throws {
        let scratch = try ScratchFolder()
        let fitted = try CLIProcess.run(["calibrate", "--gold", "Corpora/gold/service_gold_en.csv", "--text-column", "text",
                                         "--output", scratch.path + "fit.json"])
        #expect(fitted.status == 0, "\(fitted.standardError)")
        let json = try scratch.read("fit.json")
        #expect(json.hasPrefix(#"{"polar": {"intercept": "#) && json.contains(#""emptyNeutral": "#), "\(json)")
        let explained = try CLIProcess.run(["explain", "--confidence-model", scratch.path + "fit.json", "Lovely staff"])
        #expect(explained.status == 0, "\(explained.standardError)")

        // A flat curve gives every polar label confidence 0.5, and a comment without evidence the file's 0.25.
        try scratch.write("flat.json", Self.model)
        let export = try scratch.write("in.csv", "id,text\n1,Lovely staff\n2,Checked in at noon.\n")
        let analysed = try CLIProcess.run(["analyze", export, "--confidence-model", scratch.path + "flat.json",
                                           "-o", scratch.path + "out.jsonl", "--manifest", scratch.path + "run.json"])
        #expect(analysed.status == 0, "\(analysed.standardError)")
        let lines = try scratch.read("out.jsonl").split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains(#""confidence":0.5"#) && lines[1].contains(#""confidence":0.25"#),
                "\(lines)")
        #expect(try scratch.read("run.json").contains(scratch.path + "flat.json"))
    }

    @Test(arguments: [
        (#"{"polar": {"intercept": 0, "strengthWeight": 0, "evidenceWeight": 0}}"#, ": neutral: missing"),
        (Self.model.replacingOccurrences(of: #""strengthWeight": 0, "evidenceWeight": 0}, "emptyNeutral""#,
                                         with: #""strengthWeigth": 0, "evidenceWeight": 0}, "emptyNeutral""#),
         ": neutral.strengthWeigth: not a key"),
        (Self.model.replacingOccurrences(of: "0.25", with: "\"high\""), ": emptyNeutral: must be a finite number"),
        (Self.model.replacingOccurrences(of: "{}", with: #"{"fr": {}}"#), ": polarByLanguage.fr: not a language"),
        ("[1]", ": not a JSON object"),
    ])
    func aBadModelFileIsNamedWithItsKey(_ json: String, _ message: String) throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("bad.json", json)
        let outcome = try CLIProcess.run(["explain", "--confidence-model", path, "good"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--confidence-model \(path)" + message), "\(outcome.standardError)")
    }
}
