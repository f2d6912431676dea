import Foundation
import RaterCore

/// What an analyst did to one comment. Stored as the `action` column of `corrections`.
public enum CorrectionAction: String, Sendable, CaseIterable {
    /// Set the comment's sentiment label (`value` is the label).
    case label
    /// Confirm the comment as shown (`value` is the label the analyst accepted); it becomes gold as it stands.
    case accept
    /// Add a dimension, or change its polarity (`value` is the dimension's label).
    case addDimension = "add_dimension"
    /// Remove a dimension the machine found.
    case removeDimension = "remove_dimension"
    /// Set a business signal's reading (`signal` is the signal; `signalValue` its value, or nil for "none": the
    /// comment does not carry that signal). Stored with the value's name in `value`, null for none.
    case setSignal = "set_signal"
}

/// One stored correction: a row of the append-only `corrections` table.
public struct Correction: Sendable, Equatable {
    public var seq: Int
    public var source: String
    public var commentKey: String
    public var action: CorrectionAction
    public var dimension: ServiceDimension?
    public var value: SentimentLabel?
    /// The signal of `setSignal`.
    public var signal: SignalKind?
    /// The value `setSignal` gave its signal: nil for none (and for the other actions).
    public var signalValue: SignalValue?
    /// The machine's label when the correction was made, so the audit shows what was overruled.
    public var machineLabel: SentimentLabel
    public var machineRunID: String
    public var analyst: String
    public var createdAt: String
    public var note: String?
    /// SHA-256 (hex) of the comment's normalised text the analyst judged; nil for corrections made before Rater
    /// stored it.
    public var textSHA256: String?
    /// For `accept`: the dimensions the analyst accepted, as the reviewed reading's `dimension:label` pairs
    /// (`AcceptedDimensions`; empty when it had none). Nil for the other actions and for accepts stored before
    /// Rater kept them, which judge the dimensions the machine reports now.
    public var acceptedDimensions: String?
    /// How the correction stands against the comment as stored now (computed when read, never stored).
    public var status: CorrectionStatus

    public init(seq: Int, source: String, commentKey: String, action: CorrectionAction,
                dimension: ServiceDimension? = nil, value: SentimentLabel? = nil, signal: SignalKind? = nil,
                signalValue: SignalValue? = nil, machineLabel: SentimentLabel,
                machineRunID: String, analyst: String, createdAt: String, note: String? = nil,
                textSHA256: String? = nil, acceptedDimensions: String? = nil, status: CorrectionStatus = .current) {
        self.seq = seq
        self.source = source
        self.commentKey = commentKey
        self.action = action
        self.dimension = dimension
        self.value = value
        self.signal = signal
        self.signalValue = signalValue
        self.machineLabel = machineLabel
        self.machineRunID = machineRunID
        self.analyst = analyst
        self.createdAt = createdAt
        self.note = note
        self.textSHA256 = textSHA256
        self.acceptedDimensions = acceptedDimensions
        self.status = status
    }
}

extension Correction {
    /// What the correction is about, for listings: its dimension or signal; for an accept, the dimensions it kept
    /// (`tangibles:positive;…`, so the audit shows what the accept judged); empty for a label.
    public var subject: String { dimension?.rawValue ?? signal?.rawValue ?? acceptedDimensions ?? "" }
    /// The value it set, for listings: a label, a signal's value or `none`, or empty (`remove_dimension`).
    public var valueName: String {
        if action == .setSignal { return signalValue?.rawValue ?? "none" }
        return value?.rawValue ?? ""
    }
}

/// A correction as the workspace submits it, before it has a sequence number and a time.
public struct CorrectionRequest: Sendable, Equatable {
    public var source: String
    public var commentKey: String
    public var action: CorrectionAction
    public var dimension: ServiceDimension?
    public var value: SentimentLabel?
    /// For `setSignal`: the signal, and its new value (nil: none).
    public var signal: SignalKind?
    public var signalValue: SignalValue?
    public var analyst: String
    public var note: String?
    /// The digest of the text the analyst was shown (`ReviewComment.textSHA256`, posted by the page's forms). When
    /// given, the correction is refused if the comment's text has changed since the page was loaded: a nightly run
    /// between loading and clicking would otherwise attach the judgement to a text the analyst never saw. A script
    /// that posts without it judges the text as stored when the correction is recorded.
    public var textSHA256: String?
    /// For `accept`: the dimensions the page showed (`ReviewComment.dimensionPairs`, posted as `dimensions_shown`).
    /// When given, the accept is refused if the reviewed dimensions have changed since the page was loaded (a run
    /// with other lexicons, or another analyst's correction), as a changed text is: "accept as shown" must judge
    /// what was shown. Without it, the accept judges the dimensions as they stand when it is recorded.
    public var shownDimensions: String?

    public init(source: String, commentKey: String, action: CorrectionAction, dimension: ServiceDimension? = nil,
                value: SentimentLabel? = nil, signal: SignalKind? = nil, signalValue: SignalValue? = nil,
                analyst: String, note: String? = nil, textSHA256: String? = nil, shownDimensions: String? = nil) {
        self.source = source
        self.commentKey = commentKey
        self.action = action
        self.dimension = dimension
        self.value = value
        self.signal = signal
        self.signalValue = signalValue
        self.analyst = analyst
        self.note = note
        self.textSHA256 = textSHA256
        self.shownDimensions = shownDimensions
    }

    /// Checks that the action has what it needs: a label for `label`/`accept`, a dimension (and for adding, its
    /// label) for the dimension actions, a signal (and a value of that signal, or none) for `set_signal`, and a
    /// named analyst.
    public func validate() throws {
        guard ReviewLimits.isAnalystName(analyst) else {
            throw ReviewError.invalidCorrection(ReviewLimits.analystNameRule)
        }
        if action != .setSignal, signal != nil || signalValue != nil {
            throw ReviewError.invalidCorrection("\(action.rawValue) takes no signal")
        }
        switch action {
        case .setSignal:
            guard let signal else { throw ReviewError.invalidCorrection("set_signal needs a signal") }
            guard dimension == nil, value == nil else {
                throw ReviewError.invalidCorrection("set_signal takes a signal value, not a dimension or label")
            }
            if let signalValue, signalValue.kind != signal {
                throw ReviewError.invalidCorrection("'\(signalValue.rawValue)' is not a value of \(signal.rawValue)")
            }
        case .label, .accept:
            guard value != nil else { throw ReviewError.invalidCorrection("\(action.rawValue) needs a label") }
            guard dimension == nil else { throw ReviewError.invalidCorrection("\(action.rawValue) takes no dimension") }
        case .addDimension:
            guard dimension != nil, value != nil else {
                throw ReviewError.invalidCorrection("add_dimension needs a dimension and its label")
            }
        case .removeDimension:
            guard dimension != nil else { throw ReviewError.invalidCorrection("remove_dimension needs a dimension") }
        }
        if let note, note.count > ReviewLimits.note {
            throw ReviewError.invalidCorrection("the note is longer than \(ReviewLimits.note) characters")
        }
    }
}

/// Sizes the workspace accepts, so a request cannot grow the audit table without bound.
public enum ReviewLimits {
    public static let analystName = 64
    public static let analystNameRule = "the analyst's name must be 1–\(analystName) characters, with no control characters"

    /// Whether `name` (trimmed of surrounding white space) is 1–64 characters with none that `TerminalText` would
    /// have to escape (controls, format characters such as bidi marks, overrides and isolates, line or paragraph
    /// separators, noncharacters): the name goes into the audit trail, the gold CSV and `rater corrections list`,
    /// and a line break, ESC or a bidi mark in it has no business there.
    public static func isAnalystName(_ name: String) -> Bool {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= analystName else { return false }
        return !name.unicodeScalars.contains(where: TerminalText.isInvisible)
    }
    public static let note = 2_000
    public static let search = 200
    public static let pageSize = 50
    public static let requestBody = 64 * 1024
    /// Rows of a comment's "why this score" table (and evidence items per dimension) shown before "and N more".
    public static let termRows = 100
}
