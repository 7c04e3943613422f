/// How much a peer's system prompt tells its model.
public enum PromptStyle: String, Sendable, Hashable, CaseIterable {
    /// The persona, the question, the other peers, the protocol, how to address a peer and post
    /// on the blackboard: for models that follow instructions.
    case full
    /// Only the persona, the question and the points to draw on, in a few lines: for small
    /// models (a few hundred million parameters), which repeat the mechanics back instead of
    /// following them.
    case compact
}
