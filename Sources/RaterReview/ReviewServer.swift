import Foundation
import Hummingbird
import Logging
import NIOCore
import RaterCore

/// The workspace's HTTP endpoints over a `ReviewStore`, served by Hummingbird.
///
/// | method | path | what |
/// |---|---|---|
/// | GET | `/` | the comment list; the filters are its query string |
/// | POST | `/corrections` | append a correction (`ref`, or `source` and `key`; `op`; `text_sha256`; `dimensions_shown` for an accept), then 303 back |
/// | POST | `/analyst` | set who corrections are recorded as (a cookie) |
/// | GET | `/audit` | every correction, newest first |
/// | GET | `/export/gold.csv` | the reviewed comments as gold for `rater eval` and `rater lexicon learn` |
/// | GET | `/static/review.css`, `/static/review.js` | the page's only style and script |
/// | GET | `/healthz` | `ok` |
public struct ReviewServer: Sendable {
    public let store: ReviewStore
    public let configuration: ReviewServerConfiguration

    public init(store: ReviewStore, configuration: ReviewServerConfiguration) throws {
        try configuration.validate()
        self.store = store
        self.configuration = configuration
    }

    /// The application, ready to run; `onRunning` receives the bound port (useful with port 0).
    public func application(logger: Logger = Logger(label: "rater.serve"),
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                         serverName: nil),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                    logger: logger)
    }

    /// Whether `error`, thrown by running the application, is the listening address being taken by another
    /// program (EADDRINUSE from bind), which the command line names instead of NIO's
    /// `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`.
    public static func isAddressInUse(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ReviewGuard(configuration: configuration))
        router.get("/") { request, _ in try self.list(request) }
        router.post("/corrections") { request, _ in try await self.correct(request) }
        router.post("/analyst") { request, _ in try await self.setAnalyst(request) }
        router.get("/audit") { request, _ in try self.audit(request) }
        router.get("/export/gold.csv") { _, _ in try self.gold() }
        router.get("/static/review.css") { _, _ in
            ReviewResponses.text(ReviewAssets.css.description, contentType: "text/css; charset=utf-8")
        }
        router.get("/static/review.js") { _, _ in
            ReviewResponses.text(ReviewAssets.script.description, contentType: "text/javascript; charset=utf-8")
        }
        router.get("/healthz") { _, _ in ReviewResponses.text("ok\n", contentType: "text/plain; charset=utf-8") }
        return router
    }

    // MARK: Handlers

    private func renderer(_ request: Request) -> ReviewPageRenderer {
        ReviewPageRenderer(csrfToken: configuration.csrfToken, analyst: analyst(request))
    }

    /// What the filters can choose from; the runs are read again for each page (a night's run appears without a
    /// restart), the sources and columns are those of the server's start.
    private func storeInfo() throws -> ReviewStoreInfo {
        ReviewStoreInfo(groupColumns: store.groupColumns, dateColumn: store.dateColumn, sources: store.sources,
                        runs: try store.recentRuns())
    }

    func list(_ request: Request) throws -> Response {
        let query = FormEncoding.decode(request.uri.query ?? "")
        let renderer = renderer(request)
        let info = try storeInfo()
        do {
            // Every filter that can be applied is; each one that cannot is named on the page (400), and the form
            // shows only what was applied.
            let reading = ReviewFilter.reading(query: query, store: info)
            var filter = reading.filter
            let page = try store.page(filter)
            // The page shown, not the one asked for: the pager and the forms' return paths must name a page that
            // exists, and the notice says why it is another.
            let notices = page.page == filter.page ? [] : [ReviewPageRenderer.clampNotice(asked: filter.page, page)]
            filter.page = page.page
            return ReviewResponses.html(renderer.list(page, filter: filter, store: info, progress: try store.progress(),
                                                      errors: reading.notices.map(\.description), notices: notices),
                                        status: reading.notices.isEmpty ? .ok : .badRequest)
        } catch let error as ReviewError {
            // The store's own checks (the reading above makes them unreachable): the list without the filter, and
            // the reason the filter was refused.
            let page = try store.page(ReviewFilter())
            return ReviewResponses.html(renderer.list(page, filter: ReviewFilter(), store: info,
                                                      progress: try store.progress(), errors: [error.description]),
                                        status: .badRequest)
        }
    }

    func correct(_ request: Request) async throws -> Response {
        let form: [(String, String)]
        switch try await formFields(request) {
        case let .success(fields): form = fields
        case let .failure(refusal): return refusal.response
        }
        func field(_ name: String) -> String? { form.last(where: { $0.0 == name })?.1 }
        do {
            let op = (field("op") ?? [field("action"), field("dimension"), field("value")].compactMap { $0 }
                .joined(separator: ":")).split(separator: ":").map(String.init)
            let comment = try Self.comment(ref: field("ref"), source: field("source"), key: field("key"))
            var correction = try Self.correction(op: op, source: comment.source, key: comment.key,
                                                 analyst: analyst(request), note: field("note"))
            correction.textSHA256 = field("text_sha256").flatMap { $0.isEmpty ? nil : $0 }
            if correction.action == .accept { correction.shownDimensions = field("dimensions_shown") }
            try store.record(correction)
        } catch let error as ReviewError {
            // Back to where the analyst was (a refused no-op is most often a double click).
            return ReviewResponses.html(renderer(request).error("Correction not saved", message: error.description,
                                                                back: ReviewSecurity.safeReturnPath(field("return"))),
                                        status: error.isUnknownComment ? .notFound
                                            : error.isCommentChanged ? .conflict : .badRequest)
        }
        return ReviewResponses.redirect(ReviewSecurity.safeReturnPath(field("return")))
    }

    /// The corrected comment: the page's forms post `ref` (`CommentReference`), which is decoded strictly and wins;
    /// a script may post the raw `source` and `key` instead.
    static func comment(ref: String?, source: String?, key: String?) throws -> (source: String, key: String) {
        guard let ref else { return (source ?? "", key ?? "") }
        guard let comment = CommentReference.decode(ref) else {
            throw ReviewError.invalidCorrection("malformed comment reference")
        }
        return comment
    }

    /// `op` is `label:positive`, `accept:negative`, `add_dimension:tangibles:positive`,
    /// `remove_dimension:tangibles` or `set_signal:loyalty:at_risk` (`…:none` for no such signal) (one form button
    /// each, so a keypress is one click).
    static func correction(op: [String], source: String, key: String, analyst: String,
                           note: String?) throws -> CorrectionRequest {
        guard let first = op.first, let action = CorrectionAction(rawValue: first) else {
            throw ReviewError.invalidCorrection("unknown action '\(op.first ?? "")'")
        }
        var request = CorrectionRequest(source: source, commentKey: key, action: action, analyst: analyst,
                                        note: note.flatMap { $0.isEmpty ? nil : $0 })
        var rest = op.dropFirst()
        if action == .setSignal {
            guard let name = rest.first, let signal = SignalKind(rawValue: name) else {
                throw ReviewError.invalidCorrection("unknown signal '\(rest.first ?? "")' (expectation, recovery or loyalty)")
            }
            request.signal = signal
            guard rest.count == 2, let valueName = rest.dropFirst().first else {
                throw ReviewError.invalidCorrection("set_signal takes a signal and one value of it, or none "
                                                    + "(set_signal:loyalty:at_risk)")
            }
            if valueName != "none" {
                guard let value = SignalValue(rawValue: valueName) else {
                    throw ReviewError.invalidCorrection("unknown signal value '\(valueName)'")
                }
                request.signalValue = value
            }
            try request.validate()
            return request
        }
        if action == .addDimension || action == .removeDimension {
            guard let name = rest.first, let dimension = ServiceDimension(rawValue: name) else {
                throw ReviewError.invalidCorrection(DimensionName.correctionProblem(rest.first ?? ""))
            }
            request.dimension = dimension
            rest = rest.dropFirst()
        }
        if let name = rest.first {
            guard let label = SentimentLabel(rawValue: name) else {
                throw ReviewError.invalidCorrection("unknown label '\(name)'")
            }
            request.value = label
        }
        try request.validate()
        return request
    }

    func setAnalyst(_ request: Request) async throws -> Response {
        let form: [(String, String)]
        switch try await formFields(request) {
        case let .success(fields): form = fields
        case let .failure(refusal): return refusal.response
        }
        let name = (form.last(where: { $0.0 == "analyst" })?.1 ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard ReviewLimits.isAnalystName(name) else {
            return ReviewResponses.html(renderer(request).error("Name not set",
                message: ReviewLimits.analystNameRule.prefix(1).uppercased() + ReviewLimits.analystNameRule.dropFirst() + "."),
                status: .badRequest)
        }
        var response = ReviewResponses.redirect(ReviewSecurity.safeReturnPath(form.last(where: { $0.0 == "return" })?.1))
        response.setCookie(Cookie(name: "rater_analyst", value: FormEncoding.encode(name), maxAge: 365 * 86_400,
                                  path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    func audit(_ request: Request) throws -> Response {
        let query = FormEncoding.decode(request.uri.query ?? "")
        let page = max(1, min(1_000_000, Int(query.last(where: { $0.0 == "page" })?.1 ?? "") ?? 1))
        let size = 200
        let rows = try store.corrections(limit: size + 1, offset: (page - 1) * size)
        return ReviewResponses.html(renderer(request).audit(Array(rows.prefix(size)), page: page,
                                                            hasMore: rows.count > size))
    }

    func gold() throws -> Response {
        var response = ReviewResponses.text(GoldExport.csv(try store.reviewedComments()),
                                            contentType: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"rater-gold.csv\""
        return response
    }

    // MARK: Pieces

    /// Who the request's corrections are recorded as: the name set in the page, else the server's default.
    func analyst(_ request: Request) -> String {
        if let value = request.cookies["rater_analyst"]?.value {
            let name = FormEncoding.unescape(value[...]).trimmingCharacters(in: .whitespacesAndNewlines)
            if ReviewLimits.isAnalystName(name) { return name }
        }
        return configuration.defaultAnalyst
    }

    /// A posted form's fields, or the refusal to send: wrong content type, too large, or a missing or wrong CSRF
    /// token.
    private func formFields(_ request: Request) async throws -> Result<[(String, String)], RefusalResponse> {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            return .failure(RefusalResponse(ReviewResponses.refusal(.unsupportedMediaType, "Unsupported form",
                "Corrections are posted as application/x-www-form-urlencoded forms.")))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: ReviewLimits.requestBody)
        } catch {
            return .failure(RefusalResponse(ReviewResponses.refusal(.contentTooLarge, "Form too large",
                "A correction form is at most \(ReviewLimits.requestBody / 1024) KB.")))
        }
        let fields = FormEncoding.decode(String(buffer: body))
        guard let token = fields.last(where: { $0.0 == "csrf" })?.1,
              ReviewSecurity.constantTimeEquals(token, configuration.csrfToken) else {
            return .failure(RefusalResponse(ReviewResponses.refusal(.forbidden, "Form expired",
                "The page was opened before the server restarted, or the form did not come from it. Reload and try again.")))
        }
        return .success(fields)
    }
}

/// A refusal carried through `Result` (which needs an `Error`).
struct RefusalResponse: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}

extension ReviewError {
    var isUnknownComment: Bool {
        if case .unknownComment = self { return true }
        return false
    }

    /// The page showed something that has changed since (the text, or the dimensions an accept would judge).
    var isCommentChanged: Bool {
        switch self {
        case .commentChanged, .dimensionsChanged: return true
        default: return false
        }
    }
}
