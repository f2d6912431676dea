import Testing
@testable import RaterReview

@Suite struct ReviewSecurityTests {
    @Test func loopbackServersAnswerOnlyToLoopbackNames() {
        for authority in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "localhost", "127.0.0.2:1"] {
            #expect(ReviewSecurity.acceptsHost(authority, boundTo: "127.0.0.1"), "\(authority)")
        }
        for authority in ["evil.example:8080", "127.0.0.1.evil.example", "", "[fe80::1]:8080"] {
            #expect(!ReviewSecurity.acceptsHost(authority, boundTo: "127.0.0.1"), "\(authority)")
        }
        #expect(!ReviewSecurity.acceptsHost(nil, boundTo: "localhost"))
        #expect(ReviewSecurity.acceptsHost("rater.lan:8080", boundTo: "0.0.0.0"), "a token guards other bindings")
    }

    @Test func returnPathsStayOnThisServer() {
        #expect(ReviewSecurity.safeReturnPath("/?label=negative#c-3") == "/?label=negative#c-3")
        for hostile in ["//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil.example",
                        "/ok\r\nSet-Cookie: x=1", nil] as [String?] {
            #expect(ReviewSecurity.safeReturnPath(hostile) == "/", "\(hostile ?? "nil")")
        }
    }

    @Test func tokensAreRandomAndComparedWhole() {
        let a = ReviewSecurity.randomToken(), b = ReviewSecurity.randomToken()
        #expect(a.count == 64 && a != b)
        #expect(ReviewSecurity.constantTimeEquals(a, a))
        #expect(!ReviewSecurity.constantTimeEquals(a, b))
        #expect(!ReviewSecurity.constantTimeEquals(a, String(a.dropLast())))
    }

    @Test func bindingBeyondLoopbackNeedsAToken() {
        #expect(throws: ReviewError.tokenRequired(host: "0.0.0.0")) {
            try ReviewServerConfiguration(host: "0.0.0.0", defaultAnalyst: "a").validate()
        }
        #expect(throws: ReviewError.self) {
            try ReviewServerConfiguration(host: "0.0.0.0", token: "short", defaultAnalyst: "a").validate()
        }
        #expect(throws: Never.self) {
            try ReviewServerConfiguration(host: "0.0.0.0", token: "a-long-enough-token_123", defaultAnalyst: "a").validate()
        }
        #expect(throws: Never.self) { try ReviewServerConfiguration(defaultAnalyst: "a").validate() }
    }
}
