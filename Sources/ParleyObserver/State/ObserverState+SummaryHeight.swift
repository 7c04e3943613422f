/// How tall the summary pane wants to be.
extension ObserverState {
    /// Once the debate has ended (or concluded) with its final tradeoffs written, how many lines they take at a
    /// text width (their heading included), for the layout to show them whole; nil before.
    var finalSummaryLines: ((Int) -> Int)? {
        guard shown.isDone, let final = shown.summaries.last, final.scope == .final, !final.isStreaming else { return nil }
        return { width in PaneText.blocks(of: [final], facilitator: true, width: max(1, width)).lines.count }
    }
}
