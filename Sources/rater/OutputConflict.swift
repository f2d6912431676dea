/// Why a command's outputs cannot be written as given: found before anything is read, so nothing is lost.
enum OutputConflict: Error, CustomStringConvertible {
    /// Two options name one place (`place` is a canonical path, or "standard output").
    case samePlace(first: String, second: String, place: String)
    /// An output would replace one of the inputs.
    case outputIsInput(option: String, input: String)

    /// The options involved: a run does not write its failed manifest where the manifest itself is in conflict.
    var options: [String] {
        switch self {
        case let .samePlace(first, second, _): return [first, second]
        case let .outputIsInput(option, _): return [option]
        }
    }

    var description: String {
        switch self {
        case let .samePlace(first, second, place):
            return "\(first) and \(second) both write to \(place): one would replace the other; give each its own place"
        case let .outputIsInput(option, input):
            return "\(option) would replace the input \(input); write it somewhere else"
        }
    }
}
