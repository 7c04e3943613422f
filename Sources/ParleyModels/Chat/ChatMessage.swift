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

    /// The role sent to the model (own messages are `assistant`, others' `user`).
    public var role: Role
    /// The text sent to the model, with the speaker's name prefixed for others' messages. Built
    /// on demand from `lead` and `text` when the entry was made with a lead, so that the entries
    /// every peer keeps of one message share its text instead of each holding a copy.
    public var content: String {
        get { whole ?? lead + text }
        set { whole = newValue }
    }
    /// The content as given, when it is not `lead` followed by `text`.
    private var whole: String?
    /// What goes before `text` in `content` ("Priya (Product manager): "), shared between entries.
    private var lead: String
    /// What the entry is.
    public var kind: Kind
    /// Who said it, for debate messages and notes.
    public var speaker: AgentID?
    /// The round it was said in.
    public var round: Int?
    /// The debate message it is, for debate messages.
    public var messageID: MessageID?
    /// Whether it was addressed to this peer by name (not broadcast).
    public var addressedToMe: Bool
    /// What was said, without the prefix `content` may carry.
    public var text: String
    /// The message this one answers, for debate messages that answer one.
    public var replyTo: MessageID?

    /// Makes an entry; `text` defaults to `content`.
    public init(
        role: Role, content: String, kind: Kind, speaker: AgentID? = nil, round: Int? = nil,
        messageID: MessageID? = nil, addressedToMe: Bool = false, text: String? = nil, replyTo: MessageID? = nil
    ) {
        self.replyTo = replyTo
        self.role = role
        self.whole = content
        self.lead = ""
        self.kind = kind
        self.speaker = speaker
        self.round = round
        self.messageID = messageID
        self.addressedToMe = addressedToMe
        self.text = text ?? content
    }

    /// Makes an entry whose content is `lead` followed by `text`, built when it is read: entries
    /// made this way share `text` (and a lead made once) instead of copying them.
    public init(
        role: Role, lead: String, text: String, kind: Kind, speaker: AgentID? = nil, round: Int? = nil,
        messageID: MessageID? = nil, addressedToMe: Bool = false, replyTo: MessageID? = nil
    ) {
        self.init(
            role: role, content: "", kind: kind, speaker: speaker, round: round, messageID: messageID,
            addressedToMe: addressedToMe, text: text, replyTo: replyTo)
        self.whole = nil
        self.lead = lead
    }
}

extension ChatMessage {
    /// Entries are equal when what they say and show is: the same content, however it is kept.
    public static func == (left: ChatMessage, right: ChatMessage) -> Bool {
        left.role == right.role && left.kind == right.kind && left.speaker == right.speaker && left.round == right.round
            && left.messageID == right.messageID && left.addressedToMe == right.addressedToMe && left.text == right.text
            && left.replyTo == right.replyTo && left.content == right.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(kind)
        hasher.combine(speaker)
        hasher.combine(round)
        hasher.combine(messageID)
        hasher.combine(addressedToMe)
        hasher.combine(text)
        hasher.combine(replyTo)
        hasher.combine(content)
    }
}
