/// A filter from the list's query string that was not applied, and why.
///
/// The list applies the filters it can and names each one it could not on the page, instead of refusing them all
/// (an unfiltered list under an error an analyst may not read) or dropping one silently (a list the analyst
/// believes filtered). The filter form then shows only what was applied.
public struct FilterNotice: Sendable, Equatable, CustomStringConvertible {
    /// The query parameter (`column`, `from`, `page` …).
    public var parameter: String
    /// What is wrong with its value ("'garbage' is not a date (YYYY-MM-DD)").
    public var reason: String

    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    /// "From filter not applied: 'garbage' is not a date (YYYY-MM-DD)", named as the filter form names it.
    public var description: String { Self.title(parameter) + " filter not applied: " + reason }

    static func title(_ parameter: String) -> String {
        switch parameter {
        case "q": return "Search"
        default: return parameter.prefix(1).uppercased() + parameter.dropFirst()
        }
    }
}
