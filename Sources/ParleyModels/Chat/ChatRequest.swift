import ParleyCore

/// What a model call is for.
public enum ChatPurpose: Sendable, Hashable {
    /// A peer's turn in this round.
    case turn(round: Int)
    /// A facilitator summary of a round, or of the final tradeoffs.
    case summary(SummaryScope)
}

/// Everything a model is given for one reply: who asks, why, the instructions, and the
/// conversation as that peer has seen it.
public struct ChatRequest: Sendable {
    /// The peer (or the facilitator) the reply is for.
    public var agent: AgentID
    /// A turn or a summary.
    public var purpose: ChatPurpose
    /// The system prompt: persona, question, peers, round, protocol, how to address.
    public var system: String
    /// The conversation, oldest first.
    public var messages: [ChatMessage]
    /// Everyone in the debate, peers first, for names and roles.
    public var participants: [Agent]

    /// Makes a request.
    public init(agent: AgentID, purpose: ChatPurpose, system: String, messages: [ChatMessage], participants: [Agent]) {
        self.agent = agent
        self.purpose = purpose
        self.system = system
        self.messages = messages
        self.participants = participants
    }

    /// The display name of a participant, or its id when unknown.
    public func name(of id: AgentID) -> String {
        if id == .human { return "you" }
        return participants.first { $0.id == id }?.name ?? id.rawValue
    }
}

/// A piece of a streamed reply.
public enum ChatChunk: Sendable, Hashable {
    /// Text of the reply.
    case text(String)
    /// Reasoning text, kept apart from the reply.
    case reasoning(String)
    /// The reply's usage so far; a later one replaces an earlier one.
    case usage(Usage)
    /// The call failed in a way worth retrying and will be tried again after `delay` seconds.
    case retrying(attempt: Int, delay: Double, reason: String)
    /// A scripted persona chose this argument to answer with (sent before its text).
    case choice(ArgumentChoice)
    /// The model stopped at its token limit (finish reason `length`, stop reason `max_tokens`):
    /// the reply is complete as far as the server goes, but truncated.
    case truncated
}

/// A language model, or a stand-in for one, that answers a peer's request with a stream of text.
public protocol ChatModel: Sendable {
    /// A short description for pane headers: `scripted`, `smollm2 @ 127.0.0.1:8571`.
    var label: String { get }
    /// How many tokens of context the model takes, when known; the context guard keeps under it.
    var contextTokens: Int? { get }
    /// Streams the reply to `request`, calling `onChunk` for each piece in order, and returns
    /// when the reply is complete. Cancelling the calling task ends the call (and closes its
    /// connection) promptly.
    /// - Throws: ``ModelError`` when the model cannot answer; `CancellationError` when cancelled.
    nonisolated(nonsending) func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws
    /// Whether a reply arrives whole at once, with nothing to cancel or time out (an instant
    /// scripted persona); the engine then skips the per-turn machinery for cancelling.
    var repliesAtOnce: Bool { get }
    /// Takes up a reply it gave earlier in a debate that is being rebuilt from its recording (a
    /// fork), so that it goes on as if it had said it: a model that keeps state between turns (a
    /// scripted persona remembers the arguments it used) updates it; others keep nothing.
    func recall(reply text: String)
}

extension ChatModel {
    /// Replies stream over time, by default.
    public var repliesAtOnce: Bool { false }

    /// Keeps nothing between turns, by default.
    public func recall(reply text: String) {}
}
