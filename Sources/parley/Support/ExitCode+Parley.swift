import ArgumentParser
import ParleyCore

extension ExitCode {
    /// A debate file or the debate's setup is wrong.
    static let badDebate = ExitCode(1)
    /// A peer's model failed and the debate could not go on.
    static let peerFailed = ExitCode(3)
    /// A guard (a budget, repetition) stopped the debate.
    static let guardStopped = ExitCode(4)

    /// The exit code for how a debate ended.
    init(_ reason: FinishReason) {
        switch reason {
        case .completed, .stopped: self = .success
        case .failed: self = .peerFailed
        case .guardTripped: self = .guardStopped
        }
    }
}
