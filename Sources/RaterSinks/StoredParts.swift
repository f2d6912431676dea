/// The JSON texts a stored comment shares with its result's line (fields, explanation, each dimension's, aspect's
/// and signal's evidence), taken from the line as `ResultEncoder` writes it instead of being written a second time.
///
/// Writing them again for `StoredComment` cost the workers more than the whole line (178 M instructions against
/// 209 M for the 10,814 comments of the English benchmark export): the explanation is most of a line's bytes.
struct StoredParts: LinePartRecorder {
    var fieldsJSON = ""
    var explanationJSON = ""
    var dimensionEvidence: [String] = []
    var aspectEvidence: [String] = []
    var signalEvidence: [String] = []

    init(dimensions: Int, aspects: Int, signals: Int) {
        dimensionEvidence.reserveCapacity(dimensions)
        aspectEvidence.reserveCapacity(aspects)
        signalEvidence.reserveCapacity(signals)
    }

    mutating func record(_ part: LinePart, in json: borrowing JSONWriter, since start: Int) {
        let text = json.text(since: start)
        switch part {
        case .fields: fieldsJSON = text
        case .terms: explanationJSON = text
        case .dimensionEvidence: dimensionEvidence.append(text)
        case .aspectEvidence: aspectEvidence.append(text)
        case .signalEvidence: signalEvidence.append(text)
        }
    }
}

/// The values of a result's line that a recorder may take a copy of, as `ResultEncoder` writes them.
enum LinePart {
    case fields
    case terms
    case dimensionEvidence
    case aspectEvidence
    case signalEvidence
}

/// Told each `LinePart` as soon as it is written. Generic rather than optional, so that plain encoding, which
/// records nothing, compiles to no calls at all.
protocol LinePartRecorder {
    mutating func record(_ part: LinePart, in json: borrowing JSONWriter, since start: Int)
}

/// Records nothing: plain encoding.
struct NoLineParts: LinePartRecorder {
    @inline(__always)
    mutating func record(_ part: LinePart, in json: borrowing JSONWriter, since start: Int) {}
}
