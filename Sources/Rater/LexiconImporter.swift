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
        // Split on scalars: "\r\n" is one `Character`, so splitting `Character`s on "\n" left a CRLF file one line.
        for scalarLine in contents.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(scalarLine)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if line.isEmpty || line.hasPrefix("#") || isSemicolonComment(line) { continue }
            let columns = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map(Substring.init)
            let term = LexiconTerm.fold(String(columns[0]))
            guard !term.isEmpty else { continue }
            let number = columns.dropFirst().lazy.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.first
            guard let valence = number ?? defaultValence else { throw ImportError.noValence(path: path, line: lineNumber) }
            if values[term] == nil { order.append(term) }
            values[term] = (valence * scale * 100).rounded() / 100
        }
        return order.map { ($0, values[$0]!) }
    }

    /// Whether a line is a comment in the Lisp style of Hu and Liu's opinion lexicon (`;;;;…`, `; Opinion
    /// Lexicon: Positive`, a lone `;`). A semicolon followed by anything else starts a term: VADER's lexicon, which
    /// has no comment lines, lists winks such as `;)`, `;-)` and `;D`.
    static func isSemicolonComment(_ line: Substring) -> Bool {
        guard line.hasPrefix(";") else { return false }
        guard let second = line.unicodeScalars.dropFirst().first else { return true }
        return second == ";" || second == " " || second == "\t"
    }
}
