import Foundation
import ParleyCore
import ParleyDebateFile
import ParleyEngine

extension DebateHall {
    /// Why a fork cannot start, by the status it answers with.
    enum ForkFailure: Error {
        /// The request names no turn of a peer (400).
        case badTurn(String)
        /// No turn made that message (404).
        case noTurn(String)
        /// The debate cannot be forked as it is (409): its recording carries no spec, or the spec
        /// cannot make a debate here.
        case cannot(String)
        /// The fork cannot be recorded or the server is stopping.
        case start(StartFailure)
    }

    /// Starts a new debate from `parent`'s state before the turn that made `message`, with the
    /// spec its first event carries (holding `rounds` rounds when given), recorded in the data
    /// folder with its first event naming `parent`'s recording and the turn.
    /// - Throws: ``ForkFailure``.
    func fork(_ parent: ServedDebate, at message: MessageID, rounds: Int?) throws(ForkFailure) -> ServedDebate {
        let records = parent.history.records(after: 0, limit: .max).records.filter { !$0.event.isDelta }
        let point: ForkPoint
        do {
            point = try ForkPoint(records: records, at: message, parent: parent.recordingPath)
        } catch ForkError.noSuchTurn(let id, let turns) {
            throw .noTurn("debate \(parent.id): " + ForkError.noSuchTurn(id, turns: turns).description)
        } catch {
            throw .badTurn("debate \(parent.id): \(error)")
        }
        var spec: DebateSpec
        do {
            spec = try DebateSpec(recorded: point.info)
        } catch {
            throw .cannot(
                "debate \(parent.id) cannot be forked here: \(error); fork its log (GET /debates/\(parent.id)/log) with "
                    + "`parley fork LOG --at \(message.rawValue) --file FILE`")
        }
        if let rounds { spec.rounds = rounds }
        if let refused = Self.serverVariables(in: spec).first {
            throw .cannot("debate \(parent.id)'s backend \(refused.backend) reads \(refused.variable), the server's own token; it cannot be forked here")
        }
        let debate: Debate
        do {
            debate = try Debate(forking: point, spec: spec, models: models, policy: .hold)
        } catch {
            throw .cannot("debate \(parent.id) cannot be forked at \(message): \(error)")
        }
        do {
            return try launch(debate)
        } catch {
            throw .start(error)
        }
    }
}
