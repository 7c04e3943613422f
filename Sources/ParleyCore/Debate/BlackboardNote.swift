import Foundation

/// A note on the shared blackboard: a claim, an open question or a decision a peer posted.
public struct BlackboardNote: Sendable, Hashable, Codable, Identifiable {
    /// What kind of note it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case claim, question, decision
    }

    /// Its number on the blackboard, from 1.
    public var id: Int
    /// Who posted it.
    public var author: AgentID
    /// Claim, question or decision.
    public var kind: Kind
    /// The note itself.
    public var text: String
    /// The round it was posted in.
    public var round: Int
    /// The message it came from, if any.
    public var source: MessageID?

    /// Makes a note.
    public init(id: Int, author: AgentID, kind: Kind, text: String, round: Int, source: MessageID? = nil) {
        self.id = id
        self.author = author
        self.kind = kind
        self.text = text
        self.round = round
        self.source = source
    }
}
