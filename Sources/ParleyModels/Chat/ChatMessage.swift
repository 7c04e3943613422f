import ParleyCore

/// One entry of the conversation a model is shown: an instruction, or something said in the debate.
public struct ChatMessage: Sendable, Hashable {
    /// The chat role a model API knows.
    public enum Role: String, Sendable, Hashable {
        case system, user, assistant
    }

    /// What the entry is in the debate's terms.
    public enum Kind: String, Sendable, Hashable {
        /// Text for the model only (the facilitator's task, a reminder).
        case instruction
        /// What this peer itself said earlier.
        case own
        /// What another peer said.
        case peer
        /// What the human typed.
        case human
        /// A blackboard note the peer read.
        case note
        /// Earlier turns folded into a short note to fit the model's context.
        case folded
    }

    /// What an entry holds. An entry keeps it in one immutable box, so that the entries of a
    /// message in every peer's memory are one pointer each to the box the mesh made once.
    private struct Values: Sendable {
        var role: Role
        /// The content as given, when it is not `lead` followed by `text`.
        var whole: String?
        /// What goes before `text` in the content ("Priya (Product manager): "), shared.
        var lead: String
        var kind: Kind
        var speaker: AgentID?
        var round: Int?
        var messageID: MessageID?
        var addressedToMe: Bool
        var text: String
        var replyTo: MessageID?
        var recordedAs: MemoryRef?

        var content: String { whole ?? lead + text }
        var contentBytes: Int { whole?.utf8.count ?? lead.utf8.count + text.utf8.count }
    }

    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    private var box: Box

    private mutating func change(_ body: (inout Values) -> Void) {
        var values = box.values
        body(&values)
        box = Box(values)
    }

    /// The role sent to the model (own messages are `assistant`, others' `user`).
    public var role: Role {
        get { box.values.role }
        set { change { $0.role = newValue } }
    }
    /// The text sent to the model, with the speaker's name prefixed for others' messages. Built
    /// on demand from a shared lead and `text` when the entry was made with a lead.
    public var content: String {
        get { box.values.content }
        set { change { $0.whole = newValue } }
    }
    /// The size of ``content`` in UTF-8 bytes, without building it.
    public var contentUTF8Count: Int { box.values.contentBytes }
    /// What the entry is.
    public var kind: Kind {
        get { box.values.kind }
        set { change { $0.kind = newValue } }
    }
    /// Who said it, for debate messages and notes.
    public var speaker: AgentID? {
        get { box.values.speaker }
        set { change { $0.speaker = newValue } }
    }
    /// The round it was said in.
    public var round: Int? {
        get { box.values.round }
        set { change { $0.round = newValue } }
    }
    /// The debate message it is, for debate messages.
    public var messageID: MessageID? {
        get { box.values.messageID }
        set { change { $0.messageID = newValue } }
    }
    /// Whether it was addressed to this peer by name (not broadcast).
    public var addressedToMe: Bool {
        get { box.values.addressedToMe }
        set { change { $0.addressedToMe = newValue } }
    }
    /// What was said, without the prefix `content` may carry.
    public var text: String {
        get { box.values.text }
        set { change { $0.text = newValue } }
    }
    /// The message this one answers, for debate messages that answer one.
    public var replyTo: MessageID? {
        get { box.values.replyTo }
        set { change { $0.replyTo = newValue } }
    }

    /// What the event log calls the entry when it is no message (a note, a fold, a summary);
    /// see ``reference``.
    public var recordedAs: MemoryRef? {
        get { box.values.recordedAs }
        set { change { $0.recordedAs = newValue } }
    }

    /// How a turn's trace refers to the entry: its message, or what it was ``recordedAs``.
    public var reference: MemoryRef? { messageID.map(MemoryRef.message) ?? recordedAs }

    /// Makes an entry; `text` defaults to `content`.
    public init(
        role: Role, content: String, kind: Kind, speaker: AgentID? = nil, round: Int? = nil,
        messageID: MessageID? = nil, addressedToMe: Bool = false, text: String? = nil, replyTo: MessageID? = nil,
        recordedAs: MemoryRef? = nil
    ) {
        box = Box(
            Values(
                role: role, whole: content, lead: "", kind: kind, speaker: speaker, round: round, messageID: messageID,
                addressedToMe: addressedToMe, text: text ?? content, replyTo: replyTo, recordedAs: recordedAs))
    }

    /// Makes an entry whose content is `lead` followed by `text`, built when it is read: entries
    /// made this way share `text` (and a lead made once) instead of copying them.
    public init(
        role: Role, lead: String, text: String, kind: Kind, speaker: AgentID? = nil, round: Int? = nil,
        messageID: MessageID? = nil, addressedToMe: Bool = false, replyTo: MessageID? = nil
    ) {
        box = Box(
            Values(
                role: role, whole: nil, lead: lead, kind: kind, speaker: speaker, round: round, messageID: messageID,
                addressedToMe: addressedToMe, text: text, replyTo: replyTo, recordedAs: nil))
    }
}

extension ChatMessage {
    /// Entries are equal when what they say and show is: the same content, however it is kept.
    public static func == (left: ChatMessage, right: ChatMessage) -> Bool {
        let (left, right) = (left.box.values, right.box.values)
        return left.role == right.role && left.kind == right.kind && left.speaker == right.speaker
            && left.round == right.round && left.messageID == right.messageID
            && left.addressedToMe == right.addressedToMe && left.text == right.text && left.replyTo == right.replyTo
            && left.content == right.content
    }

    public func hash(into hasher: inout Hasher) {
        let values = box.values
        hasher.combine(values.role)
        hasher.combine(values.kind)
        hasher.combine(values.speaker)
        hasher.combine(values.round)
        hasher.combine(values.messageID)
        hasher.combine(values.addressedToMe)
        hasher.combine(values.text)
        hasher.combine(values.replyTo)
        hasher.combine(values.content)
    }
}
