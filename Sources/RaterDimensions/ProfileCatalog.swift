import Foundation
import RaterCore
import RaterLexicon

/// The industry profiles shipped in `Lexicons/profiles/`: `profiles.tsv` lists each profile's version and
/// dimension weights; `profiles/<name>/` holds its cue lexicon files (ordinary `dimension`/`aspect`/`signal`
/// files, loaded over the base lexicons only when the profile is chosen).
///
/// profiles.tsv columns: name, version, reliability, assurance, tangibles, empathy, responsiveness, summary.
public struct ProfileCatalog: Sendable {
    public var profiles: [IndustryProfile]
    public var directory: String

    public static let fileName = "profiles.tsv"

    /// Reads `<lexicons>/profiles/profiles.tsv`.
    public init(lexiconDirectory: String) throws {
        directory = lexiconDirectory + "/profiles"
        let path = directory + "/" + Self.fileName
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ProfileError.unreadable(path: path)
        }
        profiles = try Self.parse(contents, path: path)
    }

    public init(profiles: [IndustryProfile], directory: String) {
        self.profiles = profiles
        self.directory = directory
    }

    /// Whether the lexicon folder ships profiles at all (a user's `--lexicons` folder may not).
    public static func exists(lexiconDirectory: String) -> Bool {
        FileManager.default.fileExists(atPath: lexiconDirectory + "/profiles/" + fileName)
    }

    public var names: [String] { profiles.map(\.name) }

    public func profile(named name: String) throws -> IndustryProfile {
        guard let profile = profiles.first(where: { $0.name == name.lowercased() }) else {
            throw ProfileError.unknown(name: name, known: names)
        }
        return profile
    }

    /// The profile's cue lexicon files, sorted, or none (generic has no folder).
    ///
    /// Chosen by the rule of the base lexicon folders (`Lexicon.isLexiconFile`): analysts edit these folders by hand
    /// too, so editors' lock links and backups are passed over and `extra.TSV` is read, as it is there.
    public func lexiconFiles(for profile: IndustryProfile) -> [String] {
        let folder = directory + "/" + profile.name
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { Lexicon.isLexiconFile(name: $0, path: folder + "/" + $0) }
            .map { folder + "/" + $0 }
    }

    /// Parses the text of a profiles file (`path` only names it in errors).
    public static func parse(_ contents: String, path: String) throws -> [IndustryProfile] {
        var profiles = [IndustryProfile]()
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 7 else {
                throw ProfileError.malformed(path: path, line: lineNumber, reason: "expected 7 or 8 TAB-separated columns")
            }
            var weights = [ServiceDimension: Double]()
            for (offset, dimension) in ServiceDimension.allCases.enumerated() {
                guard let weight = Double(columns[2 + offset]), weight >= 0, weight.isFinite else {
                    throw ProfileError.malformed(path: path, line: lineNumber,
                                                 reason: "the \(dimension.rawValue) weight '\(columns[2 + offset])' is not a number ≥ 0")
                }
                weights[dimension] = weight
            }
            profiles.append(IndustryProfile(name: columns[0].lowercased(), version: columns[1], weights: weights,
                                            summary: columns.count > 7 ? columns[7] : ""))
        }
        return profiles
    }
}
