import ParleyCore
import ParleyFiles
import TerminalKit

extension Composer {
    /// Why a typed line with an `@` that names no peer cannot be sent: `no peer @ceo — did you
    /// mean @cfo?`, or the peers there are; nil when every mention names a peer (or `@all`).
    static func refusal(of typed: String, peers: [AgentID]) -> String? {
        let reading = Mentions.addressing(ofTyped: typed, known: Set(peers))
        guard let unknown = reading.unknown.first else { return nil }
        let shown = Sanitizer.clean(unknown).replacingNewlines()
        if let meant = Spelling.closest(to: unknown, among: peers.map(\.rawValue)) {
            return "no peer @\(shown) — did you mean @\(meant)?"
        }
        return "no peer @\(shown) — the peers are " + peers.map { "@\($0.rawValue)" }.joined(separator: " ")
    }
}
