/// A run of tokens between clause punctuation (，,;；:：) or sentence ends (。.!?！？, line breaks).
///
/// Clauses are the unit that negation scope, contrast and dimension evidence work in: "环境不错，但是服务员态度很差"
/// has two, and each gets its own sentiment.
public struct Clause: Sendable, Equatable {
    /// Indexes into `SegmentedText.tokens`, excluding the closing punctuation.
    public var tokens: Range<Int>
    /// The sentence the clause belongs to (0-based).
    public var sentence: Int
    /// How the clause ends, which the scorer reads for questions and emphasis.
    public var terminator: Terminator

    public init(tokens: Range<Int>, sentence: Int, terminator: Terminator) {
        self.tokens = tokens
        self.sentence = sentence
        self.terminator = terminator
    }

    public struct Terminator: Sendable, Equatable {
        public var questionMarks: Int
        public var exclamationMarks: Int
        public var endsSentence: Bool

        public init(questionMarks: Int = 0, exclamationMarks: Int = 0, endsSentence: Bool = false) {
            self.questionMarks = questionMarks
            self.exclamationMarks = exclamationMarks
            self.endsSentence = endsSentence
        }
    }
}
