/// One CSV cell, quoted when it must be, and defused when a spreadsheet would run it.
///
/// Group values come from the export, which is untrusted: a branch named `=HYPERLINK(…)` must stay text when an
/// analyst opens the summary in a spreadsheet, so text cells starting with `=`, `+`, `-`, `@`, tab or CR get a
/// leading apostrophe (the OWASP advice for CSV injection). Numbers are written as numbers.
public enum CSVCell {
    public static func text(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return cell
    }

    public static func number(_ value: Double?, digits: Int = 4) -> String {
        guard let value, value.isFinite else { return "" }
        var writer = JSONWriter()
        writer.number(value, digits: digits)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
