import Foundation
import Hummingbird

/// JSON replies: bodies, and errors as `{"error":"…"}` (with `problems` for a debate file's).
enum Reply {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as JSON with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": reason}` with `status`.
    static func error(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        json(ErrorBody(error: reason), status: status)
    }

    struct ErrorBody: Encodable {
        var error: String
        var problems: [ProblemBody]?
    }

    /// A debate file's problem as JSON.
    struct ProblemBody: Encodable {
        var file: String
        var line: Int
        var column: Int
        var key: String
        var severity: String
        var message: String
        var suggestion: String?
        /// The problem as `parley check` prints it: `file:line:column: error: …`.
        var text: String
    }
}
