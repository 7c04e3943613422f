/// Which argument a scripted persona chose for a turn, and why.
public struct ArgumentChoice: Sendable, Hashable, Codable {
    /// What the choice answered.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The person wrote to the persona (or to everyone): the argument most related to it.
        case person
        /// The argument most related to the peer message it builds on.
        case peer
        /// Nothing to react to yet: the first argument not used.
        case opening
        /// Every argument used: the one most related, said again.
        case repeating
    }

    /// The argument's place in the persona's list (0-based).
    public var argument: Int
    /// What the choice answered.
    public var reason: Reason
    /// The message it reacted to, when it reacted to one.
    public var reactsTo: MessageID?
    /// The words of the argument that the message reacted to also has.
    public var matched: [String]

    /// Makes a choice.
    public init(argument: Int, reason: Reason, reactsTo: MessageID? = nil, matched: [String] = []) {
        self.argument = argument
        self.reason = reason
        self.reactsTo = reactsTo
        self.matched = matched
    }
}

extension ArgumentChoice: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.field("argument", argument)
            w.field("reason", reason.rawValue)
            w.optionalField("reactsTo", reactsTo?.rawValue)
            if !matched.isEmpty {
                w.key("matched")
                w.array { w in for word in matched { w.element(word) } }
            }
        }
    }

    enum CodingKeys: String, CodingKey { case argument, reason, reactsTo, matched }

    /// Reads a choice; `matched` defaults to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        argument = try c.decode(Int.self, forKey: .argument)
        reason = try c.decode(Reason.self, forKey: .reason)
        reactsTo = try c.decodeIfPresent(MessageID.self, forKey: .reactsTo)
        matched = try c.decodeIfPresent([String].self, forKey: .matched) ?? []
    }
}
