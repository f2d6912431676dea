import Foundation
import Testing

/// A result line whose figures no analysis writes (a hand-edited `"score": 7`) is refused like any other line that is
/// not a result: it went into the means as it was.
@Suite struct ResultRangeTests {
    /// An edit of the first result line with a dimension, and the field the refusal must name.
    typealias Edit = (field: String, apply: @Sendable (inout [String: Any]) -> Void)

    static let edits: [Edit] = [
        ("sentiment.score is 7, outside [-1, 1]", { $0[path: "sentiment", "score"] = 7 }),
        ("sentiment.score is -1.5, outside [-1, 1]", { $0[path: "sentiment", "score"] = -1.5 }),
        ("sentiment.confidence is 3, outside [0, 1]", { $0[path: "sentiment", "confidence"] = 3 }),
        ("sentiment.positive is 1.2, outside [0, 1]", { $0[path: "sentiment", "positive"] = 1.2 }),
        ("sentiment.score is not a number", { $0[path: "sentiment", "score"] = true }),
        ("dimensions.DIM.score is 2, outside [-1, 1]", { object in
            let dimension = (object["dimensions"] as! [String: Any]).keys.sorted()[0]
            var dimensions = object["dimensions"] as! [String: Any]
            var summary = dimensions[dimension] as! [String: Any]
            summary["score"] = 2
            dimensions[dimension] = summary
            object["dimensions"] = dimensions
        }),
    ]

    @Test(arguments: 0..<edits.count)
    func anOutOfRangeFigureIsRefusedNamingFileLineAndField(_ index: Int) throws {
        let scratch = try ScratchFolder()
        let results = try scratch.results(6)
        var lines = try scratch.read("results.jsonl").split(separator: "\n").map(String.init)
        let target = try #require(lines.firstIndex { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return !((object?["dimensions"] as? [String: Any]) ?? [:]).isEmpty
        })
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[target].utf8)) as? [String: Any])
        let dimension = ((object["dimensions"] as? [String: Any]) ?? [:]).keys.sorted().first ?? ""
        Self.edits[index].apply(&object)
        lines[target] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        try scratch.write("results.jsonl", lines.joined(separator: "\n") + "\n")
        let field = Self.edits[index].field.replacingOccurrences(of: "DIM", with: dimension)
        for command in [["aggregate", results, "--aggregate-csv", scratch.path + "out.csv"],
                        ["report", results, "-o", scratch.path + "out.html"]] {
            let outcome = try CLIProcess.run(command)
            #expect(outcome.status == 1, "\(command[0]): \(outcome.standardError)")
            #expect(outcome.standardError.contains("\(results):\(target + 1): not a Rater result line (\(field))"),
                    "\(command[0]): \(outcome.standardError)")
            #expect(!scratch.exists("out.csv") && !scratch.exists("out.html"))
        }
    }

    /// The extremes themselves are figures an analysis writes.
    @Test func theBoundsAreAccepted() throws {
        let scratch = try ScratchFolder()
        let results = try scratch.results(3)
        var lines = try scratch.read("results.jsonl").split(separator: "\n").map(String.init)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        object[path: "sentiment", "score"] = -1
        object[path: "sentiment", "confidence"] = 1
        object[path: "sentiment", "neutral"] = 0
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        try scratch.write("results.jsonl", lines.joined(separator: "\n") + "\n")
        let outcome = try CLIProcess.run(["aggregate", results, "--aggregate-csv", scratch.path + "out.csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at `key` of the object at `object`.
    subscript(path object: String, _ key: String) -> Any? {
        get { (self[object] as? [String: Any])?[key] }
        set {
            var inner = self[object] as? [String: Any] ?? [:]
            inner[key] = newValue
            self[object] = inner
        }
    }
}
