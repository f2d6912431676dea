/// The workspace's request checks, kept apart from the server so each can be tested alone.
public enum ReviewSecurity {
    /// 32 random bytes as hex, from the system's cryptographic generator (getrandom on Linux).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var token = ""
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            token.append(digits[Int(byte >> 4)])
            token.append(digits[Int(byte & 0x0F)])
        }
        return token
    }

    /// Compares secrets in time that depends only on their lengths, so a token cannot be guessed byte by byte
    /// from response times.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// Addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        // 127.0.0.0/8 written as a dotted quad; `127.0.0.1.evil.example` is a name, not an address.
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The host part of a `Host` header (`127.0.0.1:8080`, `[::1]:8080`, `localhost`).
    public static func hostName(ofAuthority authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return authority }
            return String(authority[...end])
        }
        if let colon = authority.lastIndex(of: ":") { return String(authority[..<colon]) }
        return authority
    }

    /// A request to a loopback-bound server must name a loopback host: a page on another site that points a
    /// domain of its own at 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
    public static func acceptsHost(_ authority: String?, boundTo host: String) -> Bool {
        guard isLoopback(host) else { return true }
        guard let authority, !authority.isEmpty else { return false }
        return isLoopback(hostName(ofAuthority: authority))
    }

    /// Where to go back to after a post: only a path on this server (`/…`, never `//host` or a scheme), so the
    /// workspace cannot be used to redirect an analyst elsewhere.
    public static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), candidate.count <= 4_096,
              !candidate.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) else {
            return "/"
        }
        return candidate
    }
}
