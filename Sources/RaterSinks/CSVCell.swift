import RaterCore

/// One CSV cell, quoted when it must be, and defused when a spreadsheet would run it.
///
/// Group values come from the export, which is untrusted: a branch named `=HYPERLINK(…)` must stay text when an
/// analyst opens the summary in a spreadsheet, so text cells starting with `=`, `+`, `-`, `@`, tab or CR get a
/// leading apostrophe (the OWASP advice for CSV injection). Quoting is decided on Unicode scalars (`CSVText`), so
/// a value with "\r\n" in it stays one cell and cannot start a row of its own. Numbers are written as numbers.
public enum CSVCell {
    public static func text(_ value: String) -> String {
        CSVText.quoted(CSVText.defused(value))
    }

    public static func number(_ value: Double?, digits: Int = 4) -> String {
        guard let value, value.isFinite else { return "" }
        var writer = JSONWriter()
        writer.number(value, digits: digits)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
}
