import HTTPTypes
import Hummingbird

/// Checks every request before a handler sees it, and marks every response as not cacheable, not framable and
/// allowed to run only the workspace's own script and style.
///
/// - Host: on loopback, only loopback host names are served (DNS rebinding).
/// - Token: when one is configured, a request needs it as a bearer token or cookie; `?token=` on a GET sets the
///   cookie and redirects to the same page without it, so the token does not stay in the address bar or history.
/// - Cross-site posts: a post whose `Origin` is another site, or that the browser marks `Sec-Fetch-Site:
///   cross-site`, is refused here; the handlers also check the CSRF token in the form.
struct ReviewGuard<Context: RequestContext>: RouterMiddleware {
    let configuration: ReviewServerConfiguration

    static var securityHeaders: [(HTTPField.Name, String)] {
        [
            (.contentSecurityPolicy, "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
            (.xContentTypeOptions, "nosniff"),
            // Not `no-referrer`: under it Chromium sends `Origin: null` even on same-origin posts, which the
            // origin check below must refuse.
            (HTTPField.Name("Referrer-Policy")!, "same-origin"),
            (.cacheControl, "no-store"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        ]
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await check(request, context: context, next: next)
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        return response
    }

    private func check(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.head.authority
        guard ReviewSecurity.acceptsHost(authority, boundTo: configuration.host) else {
            return ReviewResponses.refusal(.misdirectedRequest, "Unexpected host",
                                           "This workspace answers only to localhost and 127.0.0.1.")
        }
        if let token = configuration.token, !token.isEmpty {
            let bearer = request.headers[.authorization].flatMap { value -> String? in
                value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
            }
            let cookie = request.cookies["rater_token"]?.value
            let presented = bearer ?? cookie
            if presented == nil || !ReviewSecurity.constantTimeEquals(presented!, token) {
                let query = FormEncoding.decode(request.uri.query ?? "")
                if request.method == .get, let offered = query.last(where: { $0.0 == "token" })?.1,
                   ReviewSecurity.constantTimeEquals(offered, token) {
                    let rest = query.filter { $0.0 != "token" }
                    let location = request.uri.path + (rest.isEmpty ? "" : "?" + rest.map {
                        FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1)
                    }.joined(separator: "&"))
                    var response = ReviewResponses.redirect(ReviewSecurity.safeReturnPath(location))
                    response.setCookie(Cookie(name: "rater_token", value: token, path: "/", httpOnly: true,
                                              sameSite: .strict))
                    return response
                }
                return ReviewResponses.refusal(.unauthorized, "Token required",
                                               "Open the address rater serve printed, which carries the access token.")
            }
        }
        if request.method == .post {
            if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" || site == "same-site" {
                return ReviewResponses.refusal(.forbidden, "Cross-site request refused",
                                               "Corrections can only be made from the workspace's own pages.")
            }
            if let origin = request.headers[HTTPField.Name("Origin")!], let authority,
               origin != "http://" + authority {
                return ReviewResponses.refusal(.forbidden, "Cross-site request refused",
                                               "Corrections can only be made from the workspace's own pages.")
            }
        }
        return try await next(request, context)
    }
}
