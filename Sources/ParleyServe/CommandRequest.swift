import Foundation
import ParleyCore

/// The body of `POST /debates/{id}/commands`: `{"command":"pause"}`,
/// `{"command":"inject","text":"…","to":["cfo"]}`, `{"command":"delay","seconds":0.5}`.
struct CommandRequest: Decodable, Sendable {
    var command: String
    var text: String?
    var to: [String]?
    var seconds: Double?

    /// The command names and what they mean, as the README lists them.
    static let names: [String: DebateCommand] = [
        "pause": .pause, "resume": .resume, "step-turn": .stepTurn, "step-round": .stepRound, "retry": .retryTurn,
        "skip": .skipTurn, "cancel": .cancelTurn, "stop": .stop, "add-round": .addRound,
    ]

    /// The debate command it asks for, checked against the debate's peers.
    /// - Throws: ``BadRequest`` saying what is wrong and what to send instead.
    func debateCommand(peers: [AgentID]) throws(BadRequest) -> DebateCommand {
        if let plain = Self.names[command] { return plain }
        switch command {
        case "inject":
            guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw BadRequest("inject needs a non-empty \"text\"")
            }
            guard let to, !to.isEmpty else { return .inject(text: text, to: .everyone) }
            let ids = to.map { AgentID($0.hasPrefix("@") ? String($0.dropFirst()) : $0) }
            let unknown = ids.filter { !peers.contains($0) }
            guard unknown.isEmpty else {
                throw BadRequest(
                    "no peer \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in this debate; its peers are "
                        + peers.map(\.rawValue).joined(separator: ", "))
            }
            return .inject(text: text, to: .peers(ids))
        case "delay":
            guard let seconds, seconds.isFinite, (0...3600).contains(seconds) else {
                throw BadRequest("delay needs \"seconds\", a number from 0 to 3600")
            }
            return .setDelay(seconds)
        default:
            let known = (Array(Self.names.keys) + ["inject", "delay"]).sorted().joined(separator: ", ")
            throw BadRequest("unknown command '\(command)'; the commands are \(known)")
        }
    }
}

/// A request the server cannot act on, with what to send instead (400).
struct BadRequest: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
