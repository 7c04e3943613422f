import ParleyCore

/// A facilitator summary as the summary pane shows it: one round's, or the final tradeoffs.
public struct SummaryEntry: Sendable, Hashable {
    /// What it covers.
    public var scope: SummaryScope
    /// Its text so far, sanitized.
    public var text: String
    /// Whether it is still being written.
    public var isStreaming: Bool

    /// Makes an entry.
    public init(scope: SummaryScope, text: String = "", isStreaming: Bool) {
        self.scope = scope
        self.text = text
        self.isStreaming = isStreaming
    }
}
