import ParleyCore

/// What a peer is doing, as its pane's header shows it.
public enum PeerActivity: String, Sendable, Hashable {
    /// Not its turn.
    case waiting
    /// Its turn started and no text has come yet (a reasoning model may be thinking).
    case thinking
    /// Its text is streaming.
    case speaking
    /// Its turn failed.
    case error
    /// The person cancelled its turn.
    case cancelled
    /// The debate is over.
    case done
}

/// A message in a pane: a peer's own, or one the human addressed to it.
public struct PaneMessage: Sendable, Hashable {
    /// Its number in the debate.
    public var id: MessageID
    /// Who said it: the pane's peer, or ``AgentID/human``.
    public var sender: AgentID
    /// Who it is for; nil while it is still being written.
    public var to: Address?
    /// The round it was said in.
    public var round: Int
    /// The text so far, sanitized.
    public var text: String
    /// A reasoning model's thinking so far, sanitized; empty when there is none.
    public var reasoning: String
    /// Whether it is still being written.
    public var isStreaming: Bool
    /// Why it was cut short (truncated at the token limit, or cut for repetition), if it was.
    public var cut: ReplyCut?

    /// Makes a message entry.
    public init(
        id: MessageID, sender: AgentID, to: Address?, round: Int, text: String = "", reasoning: String = "",
        isStreaming: Bool
    ) {
        self.id = id
        self.sender = sender
        self.to = to
        self.round = round
        self.text = text
        self.reasoning = reasoning
        self.isStreaming = isStreaming
    }
}

/// How a notice in a pane or on the prompt line reads.
public enum NoticeTone: Sendable, Hashable {
    /// By the way: folded context, a hint.
    case info
    /// Worth attention: a guard, a retry.
    case warning
    /// Something failed.
    case error
}

/// One thing in a peer's pane, in order.
public enum PaneEntry: Sendable, Hashable {
    /// The start of a round: `── round 2 ──`.
    case round(Int)
    /// A message.
    case message(PaneMessage)
    /// A notice about the peer: a retry, a failure, a guard, folded context. Sanitized.
    case notice(String, NoticeTone)
}

/// A peer as its pane shows it.
public struct PeerPane: Sendable, Hashable, Identifiable {
    /// The peer, its name, role and model sanitized.
    public var agent: Agent
    /// Its place in the ring, from 0, which picks its palette colour.
    public var index: Int
    /// What the pane shows, oldest first.
    public var entries: ChunkedArray<PaneEntry> = []
    /// What the peer is doing.
    public var activity: PeerActivity = .waiting
    /// Tokens its messages used so far.
    public var tokens = 0
    /// The round of the last entry, to know when a round marker is due.
    public var lastRound = 0

    /// The peer's id.
    public var id: AgentID { agent.id }

    /// Makes a pane for a peer.
    public init(agent: Agent, index: Int) {
        self.agent = agent
        self.index = index
    }

    /// The index of the entry of message `id`, if the pane holds it.
    func entryIndex(of id: MessageID) -> Int? {
        entries.lastIndex { if case .message(let message) = $0 { message.id == id } else { false } }
    }

    /// The message `id`, if the pane holds it.
    public func message(_ id: MessageID) -> PaneMessage? {
        entryIndex(of: id).flatMap { if case .message(let message) = entries[$0] { message } else { nil } }
    }

    /// How many messages a pane keeps for scrolling back; older ones are in the recording.
    public static let scrollBack = 2000
    /// The messages dropped from the top of the pane to keep it within ``scrollBack``.
    public var earlier = 0
    /// How many messages the pane holds now, so that keeping the scroll-back never counts them.
    private(set) var messageCount = 0

    /// Appends an entry of `round`, after a round marker when the round is new to the pane; past
    /// ``scrollBack`` messages, drops the oldest (with what came before it), and heads the pane
    /// with "⋯ N earlier messages are in the recording".
    mutating func append(_ entry: PaneEntry, round: Int) {
        if round > lastRound {
            entries.append(.round(round))
            lastRound = round
        }
        entries.append(entry)
        if case .message = entry { messageCount += 1 }
        if messageCount > Self.scrollBack { keepScrollBack() }
    }

    /// Removes the entry of message `id`, if the pane holds it.
    mutating func removeMessage(_ id: MessageID) {
        guard let index = entryIndex(of: id) else { return }
        entries.remove(at: index)
        messageCount -= 1
    }

    private mutating func keepScrollBack() {
        let start = earlier > 0 ? 1 : 0
        var excess = messageCount - Self.scrollBack
        guard excess > 0 else { return }
        messageCount -= excess
        var end = start
        while excess > 0 {
            if case .message = entries[end] { excess -= 1; earlier += 1 }
            end += 1
        }
        // The heading takes the place of the last entry dropped, so that the rest is dropped from
        // the front: the kept entries' chunks stay shared with the timeline's checkpoints.
        entries[end - 1] = .notice("⋯ \(earlier) earlier message\(earlier == 1 ? " is" : "s are") in the recording", .info)
        entries.removeFirst(end - 1)
    }

    /// Changes message `id` in place.
    mutating func updateMessage(_ id: MessageID, _ change: (inout PaneMessage) -> Void) {
        guard let index = entryIndex(of: id), case .message(var message) = entries[index] else { return }
        change(&message)
        entries[index] = .message(message)
    }

    /// Marks every message still being written as ended where it stands.
    mutating func stopStreaming() {
        for index in entries.indices {
            if case .message(var message) = entries[index], message.isStreaming {
                message.isStreaming = false
                entries[index] = .message(message)
            }
        }
    }
}
