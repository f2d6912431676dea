import Foundation
import Hummingbird
import Logging
import RaterCore
import Testing
@testable import RaterReview

/// Runs a workspace on a free loopback port for the duration of `body`.
///
/// `body` is synchronous and runs on a thread of its own: the clients (sockets, the browser pipe) block, and
/// blocking the few threads of Swift's cooperative pool would starve the server's handlers on a 2-core machine.
func withServer(_ fixture: ReviewFixture, token: String? = nil, host: String = "127.0.0.1",
                _ body: @escaping @Sendable (Int, ReviewServerConfiguration) throws -> Void) async throws {
    let configuration = ReviewServerConfiguration(host: host, port: 0, token: token, defaultAnalyst: "nightly-analyst",
                                                  csrfToken: "csrf-" + ReviewSecurity.randomToken())
    let server = try ReviewServer(store: fixture.store, configuration: configuration)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    var quiet = Logger(label: "rater.serve.test")
    quiet.logLevel = .critical
    let application = server.application(logger: quiet) { port in continuation.yield(port) }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask(executorPreference: DedicatedExecutor.shared) { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw LoopbackHTTP.Failure(description: "server did not start") }
        let outcome: Result<Void, any Error> = await withCheckedContinuation { done in
            Thread { done.resume(returning: Result { try body(port, configuration) }) }.start()
        }
        group.cancelAll()
        try outcome.get()
    }
}

@Suite(.serialized) struct ReviewServerTests {
    @Test func listPageIsServedWithAStrictPolicyAndEveryFilter() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, _ in
            let page = try LoopbackHTTP.send(port: port, "GET", "/")
            #expect(page.status == 200)
            #expect(page.header("content-type") == "text/html; charset=utf-8")
            let policy = try #require(page.header("content-security-policy"))
            #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.header("x-content-type-options") == "nosniff")
            #expect(page.header("cache-control") == "no-store")
            #expect(page.body.contains("环境不错") && page.body.contains("6 comments"))

            let filtered = try LoopbackHTTP.send(port: port, "GET", "/?column=branch&value=%E6%BB%A8%E6%B1%9F%E5%BA%97&label=negative")
            #expect(filtered.status == 200)
            #expect(filtered.body.contains("data-key=\"r4\"") && !filtered.body.contains("data-key=\"r3\""))
            let search = try LoopbackHTTP.send(port: port, "GET", "/?q=%E6%9C%8D%E5%8A%A1%E5%91%98")
            #expect(search.body.contains("data-key=\"r1\"") && search.body.contains("1–1 of 1 comments"))

            let bad = try LoopbackHTTP.send(port: port, "GET", "/?dimension=price")
            #expect(bad.status == 400)
            #expect(bad.body.contains("Dimension filter not applied: &#39;price&#39; is an aspect")
                        || bad.body.contains("Dimension filter not applied: 'price' is an aspect"))
            let typo = try LoopbackHTTP.send(port: port, "GET", "/?dimension=speed")
            #expect(typo.status == 400 && typo.body.contains("unknown dimension"))

            // A signal of `=` or `==` used to trap the server (one GET, no CSRF needed): now a 400 like any typo.
            for query in ["signal=%3D", "signal=%3D%3D", "signal=loyalty%3D", "signal=%3Dat_risk", "signal=&=&&signal"] {
                let odd = try LoopbackHTTP.send(port: port, "GET", "/?" + query)
                #expect(odd.status == (query.hasPrefix("signal=&") ? 200 : 400), "\(query)")
            }
            #expect(try LoopbackHTTP.send(port: port, "GET", "/healthz").status == 200)
        }
    }

    @Test func aCorrectionIsStoredWithWhoAndWhenAndRedirectsBack() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, configuration in
            let form: [(String, String)] = [("csrf", configuration.csrfToken), ("source", "branches.csv"), ("key", "r6"),
                                            ("op", "label:negative"), ("return", "/?q=noon#c-0")]
            let posted = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: form)
            #expect(posted.status == 303)
            #expect(posted.header("location") == "/?q=noon#c-0")
            let stored = try fixture.store.corrections()
            #expect(stored.count == 1)
            #expect(stored.first?.analyst == "nightly-analyst" && stored.first?.value == .negative)
            #expect(stored.first?.action == .label && stored.first?.machineLabel == .neutral)

            // Setting a name stores it in a cookie; the next correction carries it.
            let named = try LoopbackHTTP.send(port: port, "POST", "/analyst",
                                              form: [("csrf", configuration.csrfToken), ("analyst", "李雷"), ("return", "/")])
            #expect(named.status == 303)
            let cookie = try #require(named.cookies["rater_analyst"])
            #expect(named.headerValues("set-cookie").first?.contains("SameSite=Strict") == true)
            #expect(named.headerValues("set-cookie").first?.contains("HttpOnly") == true)
            _ = try LoopbackHTTP.send(port: port, "POST", "/corrections", headers: [("Cookie", "rater_analyst=" + cookie)],
                                      form: [("csrf", configuration.csrfToken), ("source", "branches.csv"), ("key", "r1"),
                                             ("op", "add_dimension:empathy:negative"), ("return", "https://evil.example/")])
            let latest = try #require(try fixture.store.corrections().first)
            #expect(latest.analyst == "李雷" && latest.dimension == .empathy && latest.value == .negative)

            let page = try LoopbackHTTP.send(port: port, "GET", "/?review=reviewed")
            #expect(page.body.contains("reviewed by <bdi>李雷</bdi>") || page.body.contains("reviewed by <bdi>nightly-analyst</bdi>"))
            #expect(page.body.contains("2 of 6 reviewed"))
        }
    }

    @Test func stateChangesNeedTheFormTokenAndTheSameOrigin() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, configuration in
            let form: [(String, String)] = [("source", "branches.csv"), ("key", "r6"), ("op", "label:negative")]
            let missing = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: form)
            #expect(missing.status == 403)
            let wrong = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: form + [("csrf", "guess")])
            #expect(wrong.status == 403)
            let good = form + [("csrf", configuration.csrfToken)]
            let crossOrigin = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                                    headers: [("Origin", "https://evil.example")], form: good)
            #expect(crossOrigin.status == 403)
            let crossSite = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                                  headers: [("Sec-Fetch-Site", "cross-site")], form: good)
            #expect(crossSite.status == 403)
            let json = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                             headers: [("Content-Type", "application/json")], form: good)
            #expect(json.status == 415)
            let analyst = try LoopbackHTTP.send(port: port, "POST", "/analyst", form: [("analyst", "mallory")])
            #expect(analyst.status == 403)
            #expect(try fixture.store.corrections().isEmpty)

            let sameOrigin = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                                   headers: [("Origin", "http://127.0.0.1:\(port)"),
                                                             ("Sec-Fetch-Site", "same-origin")], form: good)
            #expect(sameOrigin.status == 303)
            #expect(try fixture.store.corrections().count == 1)
        }
    }

    @Test func invalidCorrectionsAreRefusedWithTheReason() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, configuration in
            func post(_ op: String, key: String = "r1") throws -> HTTPReply {
                try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                      form: [("csrf", configuration.csrfToken), ("source", "branches.csv"), ("key", key),
                                             ("op", op)])
            }
            #expect(try post("label:great").status == 400)
            #expect(try post("delete").status == 400)
            #expect(try post("add_dimension:price:positive").status == 400)
            let unknown = try post("label:positive", key: "<script>")
            #expect(unknown.status == 404)
            #expect(unknown.body.contains("&lt;script&gt;") && !unknown.body.contains("<script>"))
            #expect(try fixture.store.corrections().isEmpty)
        }
    }

    @Test func auditExportStaticAndHealthEndpoints() async throws {
        let fixture = try ReviewFixture.sample()
        try fixture.store.record(CorrectionRequest(source: "branches.csv", commentKey: "r5", action: .accept,
                                                   value: .negative, analyst: "ana"))
        try await withServer(fixture) { port, _ in
            let audit = try LoopbackHTTP.send(port: port, "GET", "/audit")
            #expect(audit.status == 200 && audit.body.contains("<td>accept</td>") && audit.body.contains("ana"))
            let gold = try LoopbackHTTP.send(port: port, "GET", "/export/gold.csv")
            #expect(gold.status == 200 && gold.header("content-type") == "text/csv; charset=utf-8")
            #expect(gold.header("content-disposition")?.contains("attachment") == true)
            #expect(gold.body.hasPrefix("id,lang,text,label,dimensions"))
            #expect(gold.body.contains("r5,zh,\"上菜太慢了,等了四十分钟\",negative,"))
            let css = try LoopbackHTTP.send(port: port, "GET", "/static/review.css")
            #expect(css.status == 200 && css.header("content-type") == "text/css; charset=utf-8")
            let script = try LoopbackHTTP.send(port: port, "GET", "/static/review.js")
            #expect(script.status == 200 && script.body.contains("keydown"))
            #expect(try LoopbackHTTP.send(port: port, "GET", "/healthz").body == "ok\n")
            #expect(try LoopbackHTTP.send(port: port, "GET", "/nowhere").status == 404)
        }
    }

    @Test func foreignHostNamesAreRefusedOnLoopback() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, _ in
            let rebound = try LoopbackHTTP.send(port: port, "GET", "/", host: "attacker.example:\(port)")
            #expect(rebound.status == 421)
            #expect(!rebound.body.contains("环境不错"))
            #expect(try LoopbackHTTP.send(port: port, "GET", "/", host: "localhost:\(port)").status == 200)
        }
    }

    @Test func aTokenGuardsEveryRequestWhenConfigured() async throws {
        let fixture = try ReviewFixture.sample()
        let token = "team-token-0123456789abcdef"
        try await withServer(fixture, token: token) { port, _ in
            let anonymous = try LoopbackHTTP.send(port: port, "GET", "/")
            #expect(anonymous.status == 401 && !anonymous.body.contains("环境不错"))
            #expect(try LoopbackHTTP.send(port: port, "GET", "/export/gold.csv").status == 401)
            #expect(try LoopbackHTTP.send(port: port, "GET", "/?token=wrong-token-0123456789").status == 401)
            let entry = try LoopbackHTTP.send(port: port, "GET", "/?token=\(token)&label=negative")
            #expect(entry.status == 303 && entry.header("location") == "/?label=negative")
            #expect(entry.cookies["rater_token"] == token)
            let withCookie = try LoopbackHTTP.send(port: port, "GET", "/", headers: [("Cookie", "rater_token=\(token)")])
            #expect(withCookie.status == 200)
            let bearer = try LoopbackHTTP.send(port: port, "GET", "/healthz", headers: [("Authorization", "Bearer \(token)")])
            #expect(bearer.status == 200)
        }
    }
}
