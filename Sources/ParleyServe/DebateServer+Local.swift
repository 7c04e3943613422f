import Foundation
import ParleyEngine

extension DebateServer {
    /// Serves `debate`, which runs here but elsewhere than the server (`parley run --serve`: the
    /// observer or the headless printer runs it): clients stream its events and steer it as any
    /// served debate, and what they send acts on this very debate. Call it before the debate
    /// runs, so that clients get every event.
    /// - Parameters:
    ///   - recordingPath: where it is recorded, for `GET /debates/{id}/log`; nil when it is not.
    ///   - lingers: whether it lingers after its rounds (the observer's), so that `add-round`
    ///     still holds one more.
    /// - Returns: its id in URLs (`/debates/{id}/events`).
    public func serve(_ debate: Debate, recordingPath: String?, lingers: Bool) -> String {
        hall.adopt(debate, recordingPath: recordingPath, lingers: lingers).id
    }
}
