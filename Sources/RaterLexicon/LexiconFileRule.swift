import Foundation

extension Lexicon {
    /// Whether a file found in a lexicon folder is one to read: named `*.tsv` in any case, not hidden, not an
    /// editor's backup, and, when it is a link, leading to a file.
    ///
    /// Public because every folder of lexicon files an analyst edits by hand is listed by this one rule: the base
    /// folders (`files(in:)`) and an industry profile's folder (`ProfileCatalog.lexiconFiles(for:)`), so an Emacs
    /// lock link or a `~` backup stops neither and `extra.TSV` is read in both.
    public static func isLexiconFile(name: String, path: String) -> Bool {
        guard (name as NSString).pathExtension.lowercased() == "tsv", !name.hasPrefix("."), !name.hasSuffix("~"),
              !(name.hasPrefix("#") && name.hasSuffix("#"))
        else { return false }
        var isDirectory: ObjCBool = false
        // Follows links: false for a dangling one.
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
