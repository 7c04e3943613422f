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
}
