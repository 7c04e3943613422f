import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Pane text")
struct PaneTextTests {
    @Test("the tail built from a pane's end is the end of all its lines", arguments: [1, 5, 13, 200])
    func tailMatchesAll(rows: Int) throws {
        var debate = DebateBuilder.threePeerDebate()
        debate.summary(.final, "Tradeoffs: ship X behind a flag in eight weeks against a later sync rework.")
        let state = debate.state()
        for width in [12, 30] {
            var texts = state.debate.peers.map { PaneText.blocks(of: $0, width: width, showsReasoning: true) }
            texts.append(PaneText.blocks(of: state.debate.summaries, facilitator: true, width: width))
            texts.append(PaneText.blocks(of: [], facilitator: true, width: width))
            texts.append(PaneText.blocks(of: state.debate.notes, peers: state.debate.peers, width: width))
            texts.append(PaneText.blocks(of: [], peers: state.debate.peers, width: width))
            for text in texts {
                let all = text.lines
                let tail = text.tail(rows: rows)
                #expect(tail.lines == Array(all.suffix(rows)))
                #expect(tail.more == (all.count > rows))
            }
        }
    }

    @Test("a pane that follows new text wraps only the blocks its last page shows")
    func tailWrapsOnlyWhatIsShown() {
        final class Asked { var indexes: [Int] = [] }
        let asked = Asked()
        let text = TextBlocks(count: 1000) { index in
            asked.indexes.append(index)
            return [[Span("summary \(index)", .plain)], [Span("second line", .plain)]]
        }
        let tail = text.tail(rows: 3)
        #expect(tail.lines.map { $0.map(\.text).joined() } == ["second line", "summary 999", "second line"])
        #expect(tail.more)
        #expect(asked.indexes == [999, 998])
    }

    @Test("reasoning is shown dimmed, marked off, or hidden")
    func reasoning() throws {
        var debate = DebateBuilder()
        let id = debate.begin("eng", round: 1)
        debate.add(.reasoningDelta(agent: "eng", message: id, text: "Estimate: two engineers, ten weeks."))
        debate.stream("eng", id, "Ten weeks.")
        let pane = try #require(debate.state().debate.pane("eng"))
        let shown = PaneText.blocks(of: pane, width: 40, showsReasoning: true).lines
        #expect(shown.contains { $0.first == Span("┆ ", .role(.reasoning)) && $0.last?.ink == .role(.reasoning) })
        let hidden = PaneText.blocks(of: pane, width: 40, showsReasoning: false).lines
        #expect(!hidden.contains { $0.contains { $0.ink == .role(.reasoning) } })
        #expect(hidden.contains { $0.contains { $0.text == "Ten weeks." } })
    }

    @Test("who a message is for shows above it: → @cfo, → all, and the human's marked")
    func addressees() throws {
        let state = DebateBuilder.threePeerDebate().state()
        let cfo = try #require(state.debate.pane("cfo"))
        let texts = PaneText.blocks(of: cfo, width: 60, showsReasoning: true).lines.map { $0.map(\.text).joined() }
        #expect(texts.contains("→ @pm"))
        #expect(texts.contains("→ all"))
        #expect(texts.contains("you → @pm @cfo"))
        #expect(texts.contains("→ …"))
    }

    @Test("a window cut from cached line counts is the same lines as cut from all of them", arguments: [1, 5, 13])
    func windowMatchesAll(rows: Int) {
        let state = DebateBuilder.threePeerDebate().state()
        for width in [12, 30] {
            for peer in state.debate.peers {
                let text = PaneText.blocks(of: peer, width: width, showsReasoning: true)
                let all = text.lines
                let counts = (0..<text.count).map { text.block($0).count }
                for start in 0...all.count {
                    let window = text.window(rows: rows, counts: counts) { _ in start }
                    #expect(window.lines == Array(all.dropFirst(start).prefix(rows)))
                    #expect(window.total == all.count)
                }
            }
        }
    }

    /// A long history scrolled back was wrapped whole on every frame, streaming or not.
    @Test("a pane scrolled back rewraps only new or changed blocks from frame to frame, and draws as before")
    func scrolledBackUsesCachedCounts() throws {
        var debate = DebateBuilder()
        debate.add(.debateStarted(DebateBuilder.info()))
        for round in 1...150 {
            debate.round(round)
            debate.turn("pm", round: round, says: "Round \(round): users keep asking for X, and churn among them is twice the average.")
        }
        var state = debate.state(columns: 123, rows: 40)
        state.view.scrolls[.peer("pm")] = PaneScroll(intent: .line(10))
        let theme = ThemeCatalog.builtIn.theme(at: 0)
        let pane = try #require(state.debate.peers.first { $0.id == "pm" })
        let rect = try #require(state.layout.rect(of: .peer("pm")))
        let area = PaneFrame.content(of: rect)
        let key = LineCounts.Key(pane: .peer("pm"), width: area.width, showsReasoning: state.view.showsReasoning)

        var cached = Canvas(width: 123, height: 40)
        PeerPaneView.draw(pane, rect: rect, state: state, theme: theme, agents: [:], into: &cached)
        let first = LineCounts.shared.blocksWrapped(key)
        #expect(first >= pane.entries.count)
        PeerPaneView.draw(pane, rect: rect, state: state, theme: theme, agents: [:], into: &cached)
        #expect(LineCounts.shared.blocksWrapped(key) == first, "the second frame counted no block again")

        var whole = Canvas(width: 123, height: 40)
        let text = PaneText.blocks(of: pane, width: area.width, showsReasoning: state.view.showsReasoning)
        ScrollingPane.draw(
            text, pane: .peer("pm"), rect: rect, labels: PaneFrame.Labels(), state: state, theme: theme, agents: [:], into: &whole)
        var labelled = Canvas(width: 123, height: 40)
        ScrollingPane.draw(
            text, pane: .peer("pm"), rect: rect, labels: PaneFrame.Labels(), state: state, theme: theme, agents: [:],
            into: &labelled, fingerprint: { PeerPaneView.fingerprint(of: pane, at: $0) })
        #expect(labelled.text == whole.text)

        debate.turn("pm", round: 150, says: "And one more thing.")
        let grown = try #require(debate.state(columns: 123, rows: 40).debate.peers.first { $0.id == "pm" })
        PeerPaneView.draw(grown, rect: rect, state: state, theme: theme, agents: [:], into: &cached)
        #expect(LineCounts.shared.blocksWrapped(key) == first + 1, "only the new block was counted")
    }
}

