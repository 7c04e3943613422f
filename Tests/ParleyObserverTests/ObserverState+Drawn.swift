@testable import ParleyObserver

extension ObserverState {
    /// The state as the app leaves it after drawing it: the panes' waiting scroll moves
    /// carried out on their lines as drawn.
    mutating func draw() {
        apply(.scrollsSettled(ObserverView.settledScrolls(of: self)))
    }

    /// Draws the state, then tells the first line `pane` shows, where it was scrolled to; nil
    /// while it follows new text.
    mutating func scrollTop(_ pane: PaneID) -> Int? {
        draw()
        guard case .line(let line) = view.scroll(of: pane).intent else { return nil }
        return line
    }
}
