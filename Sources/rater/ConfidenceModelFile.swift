import Foundation
import Rater
import RaterCore

/// A fitted confidence model as a JSON file: what `rater calibrate --output FILE` writes and `--confidence-model FILE`
/// reads, so an analyst's own fit applies to `analyze`, `explain`, `eval` and `calibrate` without editing
/// `ConfidenceModel`'s defaults and rebuilding.
///
///     {"polar": {"intercept": -0.754, "strengthWeight": 4.32, "evidenceWeight": 0.524},
///      "polarByLanguage": {"zh": {"intercept": -0.722, "strengthWeight": 3.828, "evidenceWeight": 0.448}},
///      "neutral": {"intercept": -0.4, "strengthWeight": 2.6, "evidenceWeight": 0.55}, "emptyNeutral": 0.75}
///
/// Every key is required but `polarByLanguage` (none: every language uses `polar`); a key it does not know is an
/// error, so a misspelt curve is not silently left at its default. Mistakes are named by file and key.
enum ConfidenceModelFile {
    struct Problem: Error, CustomStringConvertible {
        let path: String
        /// The key's path in the file (`polarByLanguage.zh.intercept`); empty for the whole file.
        let key: String
        let reason: String

        var description: String {
            "--confidence-model \(path): " + (key.isEmpty ? "" : key + ": ") + reason
        }
    }

    private static let curveKeys = ["intercept", "strengthWeight", "evidenceWeight"]
    private static let modelKeys = ["polar", "polarByLanguage", "neutral", "emptyNeutral"]

    static func load(_ path: String) throws -> ConfidenceModel {
        func problem(_ key: String, _ reason: String) -> Problem { Problem(path: path, key: key, reason: reason) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw problem("", FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw problem("", "not a JSON object (write one with rater calibrate --output FILE)")
        }
        if let repeated = JSONDuplicateKeys.first(in: data) {
            throw problem((repeated.path + [repeated.key]).joined(separator: "."), "given twice")
        }
        func unknown(_ object: [String: Any], _ known: [String], within: String) throws {
            if let key = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw problem(within.isEmpty ? key : within + "." + key,
                              "not a key of a confidence model (expected \(known.joined(separator: ", ")))")
            }
        }
        func number(_ value: Any?, _ key: String) throws -> Double {
            guard let number = value as? NSNumber, !number.isJSONBoolean, number.doubleValue.isFinite else {
                throw problem(key, value == nil ? "missing" : "must be a finite number")
            }
            return number.doubleValue
        }
        func curve(_ value: Any?, _ key: String) throws -> LogisticCurve {
            guard let object = value as? [String: Any] else {
                throw problem(key, value == nil ? "missing" : "must be an object of " + curveKeys.joined(separator: ", "))
            }
            try unknown(object, curveKeys, within: key)
            return LogisticCurve(intercept: try number(object["intercept"], key + ".intercept"),
                                 strengthWeight: try number(object["strengthWeight"], key + ".strengthWeight"),
                                 evidenceWeight: try number(object["evidenceWeight"], key + ".evidenceWeight"))
        }
        try unknown(object, modelKeys, within: "")
        let polar = try curve(object["polar"], "polar")
        var byLanguage = [Language: LogisticCurve]()
        if let value = object["polarByLanguage"] {
            guard let languages = value as? [String: Any] else {
                throw problem("polarByLanguage", "must be an object of languages (zh, en)")
            }
            for (name, value) in languages {
                guard let language = Language(rawValue: name), [.zh, .en].contains(language) else {
                    throw problem("polarByLanguage." + name, "not a language with a curve of its own (zh, en)")
                }
                byLanguage[language] = try curve(value, "polarByLanguage." + name)
            }
        }
        let neutral = try curve(object["neutral"], "neutral")
        let empty = try number(object["emptyNeutral"], "emptyNeutral")
        guard (0...1).contains(empty) else { throw problem("emptyNeutral", "must be a probability between 0 and 1") }
        return ConfidenceModel(polar: polar, polarByLanguage: byLanguage, neutral: neutral, emptyNeutral: empty)
    }

    /// The model as the JSON `load` reads, keys in a fixed order.
    static func json(_ model: ConfidenceModel) -> String {
        func curve(_ curve: LogisticCurve) -> String {
            "{\"intercept\": \(curve.intercept), \"strengthWeight\": \(curve.strengthWeight), "
                + "\"evidenceWeight\": \(curve.evidenceWeight)}"
        }
        let languages = model.polarByLanguage.keys.sorted { $0.rawValue < $1.rawValue }
            .map { "\"\($0.rawValue)\": " + curve(model.polarByLanguage[$0]!) }.joined(separator: ", ")
        return "{\"polar\": \(curve(model.polar)), \"polarByLanguage\": {\(languages)}, "
            + "\"neutral\": \(curve(model.neutral)), \"emptyNeutral\": \(model.emptyNeutral)}\n"
    }
}
