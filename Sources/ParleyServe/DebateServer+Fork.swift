import Foundation
import Hummingbird

extension DebateServer {
    /// `POST /debates/{id}/fork` `{"at": 12}`: a new debate from the debate's state before that
    /// turn. 201 `{"id",…}`; 400 for a malformed body or a person's message; 404 for an unknown
    /// debate or turn; 409 for a debate that cannot be forked here (no spec in its recording).
    func fork(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let parent = debate(context) else { return Self.unknown(context) }
        var request = request
        let asked: ForkRequest
        do {
            asked = try ForkRequest.read(Data(buffer: try await request.collectBody(upTo: 64 * 1024)))
        } catch let error as BadRequest {
            return Reply.error(.badRequest, error.reason)
        } catch {
            return Reply.error(.contentTooLarge, "a fork request is a small JSON object, like {\"at\": 12}")
        }
        do {
            return Self.created(try hall.fork(parent, at: asked.at, rounds: asked.rounds))
        } catch {
            switch error {
            case .badTurn(let reason): return Reply.error(.badRequest, reason)
            case .noTurn(let reason): return Reply.error(.notFound, reason)
            case .cannot(let reason): return Reply.error(.conflict, reason)
            case .start(let failure): return Self.failed(failure)
            }
        }
    }
}
