/// Without `--xml-record`: which elements under the root are the records.
///
/// An export is a root with one element per record, sometimes after header elements (`<generated>2026-11-27
/// </generated>`, `<info generated="…"/>`). A header appears once and records repeat, so the record element is
/// the first name that occurs twice under the root. A file where no name repeats holds at most one record of each
/// kind; there the record is the first element with the comment's place (a `<text>` child, or what `--xml-text`
/// names), else the first with text of its own, else the first element.
///
/// Until a name repeats the elements under the root wait here, complete and in document order, with the errors
/// between them, so that each is delivered in order once the guess settles. Waiting is bounded: after
/// `patience` elements, or once they hold `patience` × the text limit, the guess settles on what has been seen.
///
/// Every element under the root is delivered, record or not: one that is not the record element is rejected as
/// `other_element` by the collector, never dropped, because a guess that silently skipped elements would lose whole
/// files when it guessed wrong.
struct XMLRecordGuess {
    enum Waiting {
        case element(XMLRecordBuilder, error: XMLRecordCollector.Problem?)
        /// An error between elements, reported as a rejection of its own.
        case stray(XMLRecordCollector.Problem)
    }

    static let patience = 32

    /// Where the comment is (`--xml-text`, else `text`), and whether a record's own text may be the comment.
    private let textSpec: String
    private let ownTextIsComment: Bool
    private let maximumTextBytes: Int
    /// The record element's name, once settled.
    private(set) var recordName: String?
    private var waiting: [Waiting] = []
    private var elementsWaiting = 0
    private var bytesWaiting = 0

    init(options: IngestOptions) {
        textSpec = options.xmlText ?? "text"
        ownTextIsComment = options.xmlText == nil
        maximumTextBytes = options.maximumTextBytes
    }

    /// An element opens under the root. A name already waiting is the record: the guess settles, and what waited
    /// is returned for delivery.
    mutating func elementOpens(_ name: String) -> [Waiting] {
        let seen = waiting.contains { if case let .element(builder, _) = $0 { builder.name == name } else { false } }
        guard recordName == nil, seen else { return [] }
        recordName = name
        return takeWaiting()
    }

    /// Holds an element or error until the guess settles; returns what is ready for delivery if that settles it.
    mutating func hold(_ item: Waiting) -> [Waiting] {
        waiting.append(item)
        if case let .element(builder, _) = item {
            elementsWaiting += 1
            bytesWaiting += builder.storedTextBytes
        }
        let budget = XMLRecordGuess.patience * max(maximumTextBytes, 1)
        guard elementsWaiting >= XMLRecordGuess.patience || bytesWaiting > budget else { return [] }
        return settleWithoutRepeat()
    }

    /// No name has repeated (the input ended, or patience ran out): settles on the first element with the comment's
    /// place, else with text of its own, else the first, and returns what waited.
    mutating func settleWithoutRepeat() -> [Waiting] {
        guard recordName == nil else { return takeWaiting() }
        let elements = waiting.compactMap { item -> XMLRecordBuilder? in
            if case let .element(builder, _) = item { builder } else { nil }
        }
        let chosen = elements.first { $0.holds(textSpec) }
            ?? elements.first { ownTextIsComment && !RecordText.isBlank($0.ownText) }
            ?? elements.first
        recordName = chosen?.name
        return takeWaiting()
    }

    private mutating func takeWaiting() -> [Waiting] {
        defer {
            waiting = []
            elementsWaiting = 0
            bytesWaiting = 0
        }
        return waiting
    }
}
