import Foundation
import ParleyCore

/// Where a served debate stands, followed from its events: what `GET /debates` lists and what
/// decides which commands it refuses.
struct DebateStatus: Sendable {
    /// `live`, `paused` or `step` while it runs; `concluded` once its rounds are done and the
    /// final summary is written; `finished` once it ended; `interrupted` for a recording that
    /// stops short (its server was killed).
    var state = "starting"
    /// The round being held (0 before the first).
    var round = 0
    /// Whether a peer's failure waits for `retry` or `skip`.
    var failureWaiting = false
    /// How it ended, once it has.
    var finish: FinishReason?

    /// Follows one event.
    mutating func apply(_ event: DebateEvent) {
        switch event {
        case .debateStarted(let info): state = info.pace.mode.rawValue
        case .paceChanged(let pace): if finish == nil && state != "concluded" { state = pace.mode.rawValue }
        case .roundStarted(let round): self.round = round
        case .peerFailed: failureWaiting = true
        case .turnStarted, .messageCompleted, .turnRetrying: failureWaiting = false
        case .debateConcluded: state = "concluded"
        case .debateFinished(let reason, _):
            state = "finished"
            finish = reason
            failureWaiting = false
        default: break
        }
    }

    /// Marks a recording that stops before its debate finished.
    mutating func interrupt() {
        state = "interrupted"
        failureWaiting = false
    }

    /// Why the debate refuses `command` now, or nil when it takes it. A debate that `lingers`
    /// after its rounds (the observer's) still takes `add-round` once it concluded.
    func refusal(of command: DebateCommand, lingers: Bool = false) -> String? {
        if finish != nil { return "the debate has finished; it takes no more commands" }
        if state == "interrupted" { return "the debate was cut short when its server stopped; it takes no commands" }
        switch command {
        case .retryTurn, .skipTurn:
            return failureWaiting ? nil : "no peer's turn has failed: there is nothing to retry or skip"
        case .addRound:
            return state == "concluded" && !lingers ? "the debate has concluded; start a new one to go on" : nil
        default:
            return nil
        }
    }
}
