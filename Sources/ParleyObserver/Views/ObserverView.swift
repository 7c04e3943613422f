import ParleyCore
import TerminalKit

/// Draws the whole observer from its state: a pure function of the state, a theme and a size.
public enum ObserverView {
    /// A canvas of `columns` × `rows` showing `state` in `theme`.
    public static func render(state: ObserverState, theme: Theme, columns: Int, rows: Int) -> Canvas {
        var canvas = Canvas(width: columns, height: rows, style: theme.base)
        draw(state: state, theme: theme, into: &canvas)
        return canvas
    }

    /// A canvas of the state's own terminal size (``ViewSettings/columns`` × ``ViewSettings/rows``).
    public static func render(state: ObserverState, theme: Theme) -> Canvas {
        render(state: state, theme: theme, columns: state.view.columns, rows: state.view.rows)
    }

    /// Draws `state` over the whole of `canvas`, laid out for the canvas's size.
    public static func draw(state: ObserverState, theme: Theme, into canvas: inout Canvas) {
        var state = state
        state.view.columns = canvas.width
        state.view.rows = canvas.height
        canvas.fill(canvas.bounds, style: theme.base)
        if let page = state.inspector, !state.view.showsHelp {
            InspectorView.draw(page, in: canvas.bounds, theme: theme, into: &canvas)
            return
        }
        let layout = state.layout
        if layout.isTooSmall {
            TooSmallView.draw(state, layout: layout, theme: theme, into: &canvas)
            return
        }
        let agents = Dictionary(uniqueKeysWithValues: state.shown.peers.map { ($0.index, theme.agentStyle($0.agent, index: $0.index)) })
        if let rect = layout.summary {
            SummaryPaneView.draw(state, rect: rect, theme: theme, agents: agents, into: &canvas)
        }
        for (peer, rect) in zip(state.shown.peers, layout.peerRects) where !rect.isEmpty {
            PeerPaneView.draw(peer, rect: rect, state: state, theme: theme, agents: agents, into: &canvas)
        }
        if let rect = layout.side {
            SidePaneView.draw(state, rect: rect, theme: theme, agents: agents, into: &canvas)
        }
        TimelineStripView.draw(state, rect: layout.timeline, theme: theme, agents: agents, into: &canvas)
        PromptLineView.draw(state, rect: layout.prompt, theme: theme, agents: agents, into: &canvas)
        StatusBarView.draw(state, rect: layout.status, theme: theme, agents: agents, into: &canvas)
        if state.view.showsHelp {
            HelpOverlayView.draw(
                in: Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - 1), intake: state.intake, scroll: state.view.helpScroll, theme: theme,
                into: &canvas)
        }
    }

    /// Where the terminal's cursor should be: in the composer while writing, else nil (hidden).
    public static func cursor(state: ObserverState) -> Point? {
        let layout = state.layout
        guard !layout.isTooSmall, state.inspector == nil else { return nil }
        if let search = state.view.search, search.isTyping, !state.view.isConfirmingQuit, !state.view.showsHelp {
            let column = TextWidth.columns(Sanitizer.clean(search.text).replacingNewlines())
            return Point(x: min(layout.prompt.maxX - 1, layout.prompt.x + 3 + column), y: layout.prompt.y)
        }
        return ComposerLineView.cursor(state, rect: layout.prompt)
    }
}
