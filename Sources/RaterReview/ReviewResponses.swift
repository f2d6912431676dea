import Hummingbird

/// The few kinds of response the workspace sends.
enum ReviewResponses {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// 303 See Other: after a post the browser loads `location` with a GET, so reloading does not post twice.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A refused request, as a short page that says why.
    static func refusal(_ status: HTTPResponse.Status, _ title: String, _ message: String) -> Response {
        html(ReviewPageRenderer(csrfToken: "", analyst: "").error(title, message: message), status: status)
    }
}
