/// The industry profile a result was produced under, and the comment's profile-weighted service score.
public struct ProfileSummary: Sendable, Equatable {
    public var name: String
    public var version: String
    /// Weighted mean of the mentioned dimensions' scores; nil when the comment mentions none.
    public var serviceScore: Double?

    public init(name: String = "generic", version: String = "1", serviceScore: Double? = nil) {
        self.name = name
        self.version = version
        self.serviceScore = serviceScore
    }
}
