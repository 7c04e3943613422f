import Foundation
import ParleyCore
import ParleyDebateFile

/// The body of `POST /debates/{id}/fork`: `{"at": 12}` (or `"12"`, `"#12"`: the id of a peer's
/// message, said anew by the fork), and optionally `"rounds": N`.
struct ForkRequest: Decodable, Sendable {
    var at: MessageID
    var rounds: Int?

    private enum Keys: String, CodingKey { case at, rounds }

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Keys.self)
        let number: Int? =
            if let number = try? fields.decode(Int.self, forKey: .at) {
                number
            } else if let text = try? fields.decode(String.self, forKey: .at) {
                Int(text.hasPrefix("#") ? String(text.dropFirst()) : text)
            } else {
                nil
            }
        guard let number, number > 0 else {
            throw BadRequest("\"at\" must name a peer's message by its id, like {\"at\": 12} or {\"at\": \"#12\"}")
        }
        at = MessageID(number)
        rounds = try? fields.decodeIfPresent(Int.self, forKey: .rounds)
        if fields.contains(.rounds), rounds.map(DebateFile.roundLimits.contains) != true {
            let limits = DebateFile.roundLimits
            throw BadRequest("\"rounds\" must be a whole number from \(limits.lowerBound) to \(limits.upperBound)")
        }
    }

    /// Reads a request body.
    /// - Throws: ``BadRequest`` saying what to send.
    static func read(_ body: Data) throws(BadRequest) -> ForkRequest {
        do {
            return try JSONDecoder().decode(ForkRequest.self, from: body)
        } catch let error as BadRequest {
            throw error
        } catch {
            throw BadRequest("send the turn to fork at as JSON, like {\"at\": 12} (the id of a peer's message in the debate)")
        }
    }
}
