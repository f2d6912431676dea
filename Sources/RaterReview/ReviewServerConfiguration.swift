/// How `rater serve` listens and whom it trusts.
public struct ReviewServerConfiguration: Sendable {
    /// Loopback unless the operator says otherwise; any other address needs `token`.
    public var host: String
    /// 0 picks a free port (printed when the server starts).
    public var port: Int
    /// Required when `host` is not loopback: every request must carry it (the printed URL sets a cookie).
    public var token: String?
    /// Whom corrections are recorded as until an analyst sets a name in the page.
    public var defaultAnalyst: String
    /// Put in every state-changing form and checked on every post. Fresh per server start.
    public var csrfToken: String

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, defaultAnalyst: String,
                csrfToken: String = ReviewSecurity.randomToken()) {
        self.host = host
        self.port = port
        self.token = token
        self.defaultAnalyst = defaultAnalyst
        self.csrfToken = csrfToken
    }

    /// Refuses to expose the workspace beyond this machine without a token.
    public func validate() throws {
        if !ReviewSecurity.isLoopback(host) && (token ?? "").isEmpty { throw ReviewError.tokenRequired(host: host) }
        // The token travels in a cookie and a URL, so it is limited to characters both carry unescaped.
        if let token, !token.isEmpty {
            let allowed = token.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_"
            }
            guard token.count >= 16, allowed else { throw ReviewError.invalidToken }
        }
    }
}
