import Foundation
import Hummingbird

/// Lets a request through only with a token the server knows, when it has one: the steering
/// token (`PARLEY_TOKEN`) for everything, the read-only one (`PARLEY_READ_TOKEN`) for reading
/// (GET) only. 401 without a known token, 403 for a read-only token asking to steer. Tokens are
/// compared in constant time.
struct BearerGate<Context: RequestContext>: RouterMiddleware {
    let token: String?
    let readToken: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else { return try await next(request, context) }
        let given = Self.bearer(request.headers[.authorization])
        if let given, Self.same(given, token) { return try await next(request, context) }
        if let given, let readToken, Self.same(given, readToken) {
            guard request.method == .get || request.method == .head else {
                return Reply.error(.forbidden, "this token can watch debates but not start or steer them; use the steering token (PARLEY_TOKEN)")
            }
            return try await next(request, context)
        }
        var reply = Reply.error(
            .unauthorized,
            given == nil
                ? "this server needs a token: send 'Authorization: Bearer TOKEN' (the server's PARLEY_TOKEN)"
                : "the token sent is not this server's; check PARLEY_TOKEN")
        reply.headers[.wwwAuthenticate] = "Bearer"
        return reply
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearer(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// Whether `a` and `b` are the same, taking as long for any `a` of a given length whatever
    /// the bytes, so that timing tells nothing of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        var difference: UInt8 = x.count == y.count ? 0 : 1
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
