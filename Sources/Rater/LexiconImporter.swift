import Foundation
import RaterLexicon

/// Reads the common public "word + valence" formats into (term, valence) pairs.
public enum LexiconImporter {
    public enum ImportError: Error, CustomStringConvertible, Equatable {
        case noValence(path: String, line: Int)

        public var description: String {
            switch self {
            case let .noValence(path, line):
                return "\(path):\(line): no numeric valence column (pass --valence for a plain word list)"
            }
        }
    }

    /// - Returns: pairs in file order; a repeated term keeps its last valence.
    public static func convert(_ contents: String, path: String, scale: Double, defaultValence: Double?) throws
        -> [(String, Double)]
    {
        var order = [String]()
        var values = [String: Double]()
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            let term = LexiconTerm.fold(String(columns[0]))
            guard !term.isEmpty else { continue }
            let number = columns.dropFirst().lazy.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.first
            guard let valence = number ?? defaultValence else { throw ImportError.noValence(path: path, line: lineNumber) }
            if values[term] == nil { order.append(term) }
            values[term] = (valence * scale * 100).rounded() / 100
        }
        return order.map { ($0, values[$0]!) }
    }
}
