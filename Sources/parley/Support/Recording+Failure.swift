import ArgumentParser
import ParleyCore
import ParleyEngine

extension ExitCode {
    /// The recording (`--record`) could not be written.
    static let recordingFailed = ExitCode(5)
}

extension Recording {
    /// What to tell the person when the recording could not be written; nil while it could.
    var failureReport: String? {
        failure.map { "cannot write the recording \(path): \($0) — free some space, or record elsewhere with --record" }
    }

    /// Has a write error stop `debate` at once (headless), or pause it with the error shown as
    /// a guard trip (in the observer, `pausing`), rather than let it run on unrecorded.
    func guardWrites(of debate: Debate, pausing: Bool) {
        // Called right after the write that failed, outside the event stream's lock, so that no
        // further turn starts: the events this sends go into the stream like any other.
        writer.onFailure { [self] _ in
            guard let report = failureReport else { return }
            if pausing { debate.send(.pause) } else { debate.send(.stop) }
            let detail = pausing ? "\(report); the debate is paused, quit with q" : report
            debate.bus.emit(.guardTripped(GuardTrip(kind: .recording, detail: detail, stops: !pausing)))
        }
    }

    /// Says why the recording failed and exits with ``ExitCode/recordingFailed``, when it did.
    func checkWritten() throws {
        guard let report = failureReport else { return }
        Console.error("parley: \(report)")
        throw ExitCode.recordingFailed
    }
}
