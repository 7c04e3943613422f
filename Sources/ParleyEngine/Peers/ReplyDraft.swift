import ParleyCore
import ParleyModels
import Synchronization

/// A reply as it streams in: its text, its reasoning, its latest usage, and whether it was cut
/// short — truncated at the model's token limit, or cut by the step-repetition watch, which
/// keeps the text up to the first repeat and stops the model call.
final class ReplyDraft: Sendable {
    private struct State {
        var text = ""
        var reasoning = ""
        var usage = Usage.zero
        /// Every character of text the model sent, the repeats cut away included.
        var generated = 0
        var cut: ReplyCut?
        var watch: StepRepetition?
        var loop: StepRepetition.Loop?
        var stop: (@Sendable () -> Void)?
        /// When the first text came, since the draft was made.
        var firstText: Duration?
        var retries = 0
        var choice: ArgumentChoice?
    }

    /// When the model was asked: when the draft was made.
    private let asked = ContinuousClock.now

    private let state: Mutex<State>

    /// Makes a draft; `watchesRepetition` turns the step-repetition watch on.
    init(watchesRepetition: Bool = false) {
        state = Mutex(State(watch: watchesRepetition ? StepRepetition() : nil))
    }

    /// Adds a chunk of the reply.
    /// - Returns: whether the chunk is part of the reply to show; false once the reply was cut
    ///   for repetition (what the model sends after that is dropped).
    @discardableResult
    func take(_ chunk: ChatChunk) -> Bool {
        let (shown, stop) = state.withLock { state -> (Bool, (@Sendable () -> Void)?) in
            switch chunk {
            case .usage(let usage):
                state.usage = usage
                return (false, nil)
            case .text(let text) where state.loop != nil:
                state.generated += text.utf8.count
                return (false, nil)
            case _ where state.loop != nil:
                return (false, nil)
            case .text(let text):
                if state.firstText == nil, !text.isEmpty { state.firstText = .now - asked }
                state.generated += text.utf8.count
                state.text += text
                guard let loop = state.watch?.read(text) else { return (true, nil) }
                state.text = StepRepetition.kept(of: state.text, before: loop)
                state.loop = loop
                state.cut = .repetition
                return (false, state.stop)
            case .reasoning(let text): state.reasoning += text
            case .truncated: state.cut = .length
            case .retrying: state.retries += 1
            case .choice(let choice): state.choice = choice
            }
            return (true, nil)
        }
        stop?()
        return shown
    }

    /// Names what stops the model call when the reply is cut for repetition; calls it at once
    /// when the reply was cut already.
    func stopCall(with stop: @escaping @Sendable () -> Void) {
        let cutAlready = state.withLock { state in
            state.stop = stop
            return state.loop != nil
        }
        if cutAlready { stop() }
    }

    /// A reply cut for repetition ends its model call before the server reports usage: counts
    /// it then from what was sent and what the model wrote (``ContextGuard``'s rough count), so
    /// that budgets and counts never miss a cut reply. Usage the server did report is kept.
    func estimateUsageIfUnreported(for request: ChatRequest) {
        state.withLock { state in
            guard state.usage.totalTokens == 0 else { return }
            state.usage = Usage(
                promptTokens: ContextGuard.tokens(of: request), completionTokens: ContextGuard.tokens(bytes: state.generated))
        }
    }

    /// The text so far.
    var text: String { state.withLock(\.text) }
    /// The reasoning so far, nil when there was none.
    var reasoning: String? { state.withLock { $0.reasoning.isEmpty ? nil : $0.reasoning } }
    /// The latest usage.
    var usage: Usage { state.withLock(\.usage) }
    /// Why the reply was cut short, if it was.
    var cut: ReplyCut? { state.withLock(\.cut) }
    /// Seconds from asking to the first text; nil while none came.
    var firstToken: Double? { state.withLock(\.firstText).map(\.inSeconds) }
    /// Seconds since the model was asked.
    var elapsed: Double { (.now - asked).inSeconds }
    /// How many times the call was retried.
    var retries: Int { state.withLock(\.retries) }
    /// A scripted persona's choice of argument, when it said.
    var choice: ArgumentChoice? { state.withLock(\.choice) }
    /// The loop that cut the reply, if one did.
    var loop: StepRepetition.Loop? { state.withLock(\.loop) }
}
