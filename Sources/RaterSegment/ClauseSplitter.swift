import RaterCore

/// Groups tokens into clauses and sentences by punctuation.
enum ClauseSplitter {
    private enum Mark { case clause, sentence, question, exclamation }

    static func split(tokens: [Token], bytes: [UInt8]) -> [Clause] {
        bytes.withUnsafeBufferPointer { buffer in
            var clauses = [Clause]()
            // Every clause but the last ends at a mark or a line break: sized once instead of grown from empty.
            var marks = 1
            for token in tokens where token.kind == .punctuation || token.kind == .lineBreak { marks += 1 }
            clauses.reserveCapacity(marks)
            var sentence = 0
            var clauseStart = 0
            var terminator = Clause.Terminator()
            var index = 0
            var sawContent = false
            func close(at end: Int, next: Int) {
                if sawContent { clauses.append(Clause(tokens: clauseStart..<end, sentence: sentence, terminator: terminator)) }
                if terminator.endsSentence && sawContent { sentence += 1 }
                clauseStart = next
                terminator = Clause.Terminator()
                sawContent = false
            }
            while index < tokens.count {
                let token = tokens[index]
                switch token.kind {
                case .punctuation, .lineBreak:
                    // A run of marks ("!!!", "?!", "。。。") closes the clause once, counting what it holds.
                    var run = index
                    var endsClause = false
                    while run < tokens.count, tokens[run].kind == .punctuation || tokens[run].kind == .lineBreak
                        || tokens[run].kind == .whitespace {
                        if let mark = self.mark(of: tokens[run], in: buffer) {
                            endsClause = true
                            switch mark {
                            case .clause: break
                            case .sentence: terminator.endsSentence = true
                            case .question: terminator.questionMarks += 1; terminator.endsSentence = true
                            case .exclamation: terminator.exclamationMarks += 1; terminator.endsSentence = true
                            }
                        }
                        run += 1
                    }
                    if endsClause { close(at: index, next: run) }
                    index = run
                case .whitespace:
                    index += 1
                default:
                    sawContent = true
                    index += 1
                }
            }
            close(at: tokens.count, next: tokens.count)
            return clauses
        }
    }

    private static func mark(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Mark? {
        if token.kind == .lineBreak { return .sentence }
        let start = Int(token.start)
        switch UTF8Scalar.decode(bytes, at: start).value {
        case 0x2C, 0x3B, 0xFF0C, 0xFF1B: return .clause  // , ; ， ；
        case 0x3A, 0xFF1A: return .clause  // : ：
        case 0x2E, 0x3002, 0xFF0E, 0x2026: return .sentence  // . 。 ． …
        case 0x3F, 0xFF1F: return .question  // ? ？
        case 0x21, 0xFF01: return .exclamation  // ! ！
        default: return nil
        }
    }
}
