import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

/// The summary pane grows to show the final tradeoffs whole when the debate ends, as far as the
/// peers' panes keep their rows.
@Suite("The summary pane at the end of a debate")
struct SummaryGrowthTests {
    static let tradeoffs = """
        Tradeoffs after 3 rounds:
        • Priya (Product manager — user value) weighs the churn reason, real-time collaboration: Forty percent of the teams who churned last quarter named missing real-time collaboration as their reason.
        • Eli (Engineer — feasibility) weighs the sync engine, the build: A narrow slice is feasible if we buy instead of build.
        • Dana (CFO — revenue impact) weighs revenue, the per-seat cost: Feature X only pays off if it moves revenue.
        Where they meet: everyone came back to the quarter and feature X.
        Where they differ: Priya differs with Dana: The tradeoff I can accept is delaying the mobile redesign by one quarter to staff feature X; Eli differs with Priya: A narrow slice is feasible if we buy instead of build.
        """

    static func finished(columns: Int, rows: Int, ended: Bool = true) -> ObserverState {
        var debate = DebateBuilder.threePeerDebate()
        debate.finish("cfo", MessageID(10), round: 3, text: "Budget approved for the flagged release.", to: .everyone, tokens: 50)
        debate.summary(.final, tradeoffs)
        if ended { debate.add(.debateFinished(.completed, usage: .zero)) }
        var state = debate.state(columns: columns, rows: rows)
        _ = state.apply(.focus(.summary))
        return state
    }

    @Test("at 100×30, 120×34 and 160×48 the final tradeoffs show whole once the debate ends", arguments: [(100, 30), (120, 34), (160, 48)])
    func growsToFit(size: (Int, Int)) {
        let running = Self.finished(columns: size.0, rows: size.1, ended: false)
        let ended = Self.finished(columns: size.0, rows: size.1)
        let before = running.layout.summary!, after = ended.layout.summary!
        #expect(after.height > before.height, "the pane grew at \(size)")
        let text = ObserverView.render(state: ended, theme: ThemeCatalog.defaultTheme).text
        let wanted = PaneText.blocks(of: ended.debate.summaries.suffix(1), facilitator: true, width: after.width - 4).lines.count
        #expect(after.height >= wanted + 2, "every line of the tradeoffs fits at \(size)")
        for piece in ["Tradeoffs after 3 rounds:", "Where they meet:", "Where they differ:"] {
            #expect(text.contains(piece), "\(piece) shows at \(size)")
        }
        for rect in ended.layout.peerRects { #expect(rect.height >= Layout.keptPaneHeight, "peer panes keep their rows at \(size)") }
    }

    @Test("on a small screen the pane grows only as far as the peers' panes keep their rows", arguments: [(80, 24), (60, 20)])
    func staysWithinScreen(size: (Int, Int)) {
        let running = Self.finished(columns: size.0, rows: size.1, ended: false)
        let ended = Self.finished(columns: size.0, rows: size.1)
        #expect(ended.layout.summary!.height >= running.layout.summary!.height)
        for rect in ended.layout.peerRects {
            #expect(rect.height >= min(Layout.keptPaneHeight, running.layout.peerRects[0].height), "peer panes keep their rows at \(size)")
        }
        #expect(!ended.layout.isTooSmall)
    }

    @Test("golden: the finished demo-like debate at 100×30")
    func golden() throws {
        let state = Self.finished(columns: 100, rows: 30)
        try Goldens.check(ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme), "finished-tradeoffs-100x30")
    }
}
