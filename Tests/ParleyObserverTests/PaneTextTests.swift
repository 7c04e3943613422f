import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Pane text")
struct PaneTextTests {
    @Test("the tail built from a pane's end is the end of all its lines", arguments: [1, 5, 13, 200])
    func tailMatchesAll(rows: Int) throws {
        let state = DebateBuilder.threePeerDebate().state()
        for pane in state.peers {
            for width in [12, 30] {
                let all = PaneText.lines(of: pane, width: width, showsReasoning: true)
                let tail = PaneText.tail(of: pane, rows: rows, width: width, showsReasoning: true)
                #expect(tail.lines == Array(all.suffix(rows)))
                #expect(tail.more == (all.count > rows))
            }
        }
    }

    @Test("reasoning is shown dimmed, marked off, or hidden")
    func reasoning() throws {
        var debate = DebateBuilder()
        let id = debate.begin("eng", round: 1)
        debate.add(.reasoningDelta(agent: "eng", message: id, text: "Estimate: two engineers, ten weeks."))
        debate.stream("eng", id, "Ten weeks.")
        let pane = try #require(debate.state().pane("eng"))
        let shown = PaneText.lines(of: pane, width: 40, showsReasoning: true)
        #expect(shown.contains { $0.first == Span("┆ ", .role(.reasoning)) && $0.last?.ink == .role(.reasoning) })
        let hidden = PaneText.lines(of: pane, width: 40, showsReasoning: false)
        #expect(!hidden.contains { $0.contains { $0.ink == .role(.reasoning) } })
        #expect(hidden.contains { $0.contains { $0.text == "Ten weeks." } })
    }

    @Test("who a message is for shows above it: → @cfo, → all, and the human's marked")
    func addressees() throws {
        let state = DebateBuilder.threePeerDebate().state()
        let cfo = try #require(state.pane("cfo"))
        let texts = PaneText.lines(of: cfo, width: 60, showsReasoning: true).map { $0.map(\.text).joined() }
        #expect(texts.contains("→ @pm"))
        #expect(texts.contains("→ all"))
        #expect(texts.contains("you → @pm @cfo"))
        #expect(texts.contains("→ …"))
    }
}
