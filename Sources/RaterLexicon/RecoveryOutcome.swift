/// How a recovery near an outcome word stands: the predicate a recovery topic (退款, "refund") needs before it
/// says anything.
///
/// Only `done` and `prompt` are a recovery. A refund promised, asked for, still pending or refused has not happened, and a
/// negated `done` (还没到账, "never received") is pending.
public enum RecoveryOutcome: String, Sendable, Equatable, CaseIterable {
    /// It happened: 到账, 收到了, "received", "processed", "issued".
    case done
    /// It went well, said of the manner: 很快, 及时, 爽快, "promptly", "quickly". Beside a recovery it reads as `done`
    /// (退款很快, "refunded promptly"), but a manner word alone may describe anything (客服说会退款，回复很及时: the reply
    /// was prompt, not the refund), so unlike `done` it is no result that keeps a promise made in the clause before.
    case prompt
    /// It is under way or awaited: 在处理, 还没, 审核中, "pending", "not yet".
    case pending
    /// It was promised or is in the future: 会, 将, 答应, "will", "promised".
    case promised
    /// The customer asked for it: 要求, 申请, "asked for", "requested".
    case requested
    /// It was refused: 拒绝, 不给, "refused", "denied".
    case refused

    /// The reading it gives a recovery cue near it.
    public var reading: SignalValue { self == .done || self == .prompt ? .recovered : .unresolved }

}
