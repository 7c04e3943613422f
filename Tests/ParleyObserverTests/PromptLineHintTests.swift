import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The prompt line's key hints come from the key map")
struct PromptLineHintTests {
    /// The situations in which the prompt line shows key hints, by name.
    static func situations() -> [(String, ObserverState)] {
        let live = DebateBuilder.threePeerDebate().state(columns: 120, rows: 34)
        var paused = live
        paused.apply(.paceChanged(PaceState(mode: .paused)))
        let replay = DebateBuilder.threePeerDebate().state(columns: 120, rows: 34, replay: true)
        var finished = live
        finished.apply(.debateFinished(.completed, usage: .zero))
        var failed = live
        failed.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "timeout", retryable: true)))
        var refused = live
        refused.apply(.peerFailed(PeerFailure(agent: "cfo", round: 3, error: "401", retryable: false)))
        var quitting = live
        _ = quitting.apply(.requestQuit)
        var concluded = live
        concluded.apply(.debateConcluded(round: 3))
        var choosing = live
        _ = choosing.apply(.select(.latest))
        return [
            ("live", live), ("paused", paused), ("replay", replay), ("finished", finished), ("failed", failed),
            ("refused", refused), ("quitting", quitting), ("concluded", concluded), ("choosing", choosing),
        ]
    }

    @Test("every hint shown is a binding the key map has for that mode, and the line shows each as it is")
    func hintsAreBindings() {
        for (name, state) in Self.situations() {
            let hints = PromptLineView.hints(for: state)
            #expect(!hints.isEmpty, "no hints when \(name)")
            for hint in hints {
                #expect(hint.mode == state.mode, "\(name): '\(hint.label) \(hint.what)' is for another mode")
                for (key, command) in zip(hint.keys, hint.commands) {
                    #expect(KeyMap.command(for: key, in: state.mode) == command, "\(name): '\(hint.label)' does not make \(command)")
                }
            }
            let line = PromptLineView.line(for: state, width: 200)
            let keysShown = line.filter { $0.ink == .role(.accent) && $0.attributes.contains(.bold) }.map(\.text)
            #expect(keysShown == hints.map(\.label), "\(name): the line shows keys that are not its hints")
            let text = line.map(\.text).joined()
            for hint in hints { #expect(text.contains("\(hint.label) \(hint.what)"), "\(name): '\(hint.label) \(hint.what)' not shown") }
        }
    }

    @Test("the hints read as before: space, n, r, i … while watching; r, s, q after a failure; y, n when quitting")
    func hintsReadAsBefore() {
        let labels = Dictionary(uniqueKeysWithValues: Self.situations().map { ($0.0, PromptLineView.hints(for: $0.1).map { "\($0.label) \($0.what)" }) })
        #expect(labels["live"] == [
            "space pause", "n step", "r round", "i write", "←→ timeline", "? help", "q quit", "Tab focus", "z zoom", "g graph/board", "+- speed",
            "Enter inspect",
        ])
        #expect(labels["paused"]?.first == "space resume")
        #expect(labels["replay"] == [
            "space pause", "n step", "r round", "←→ timeline", "? help", "q quit", "Tab focus", "z zoom", "g graph/board", "+- speed",
            "Enter inspect",
        ])
        #expect(labels["finished"] == ["q quit", "←→ timeline", "Tab focus", "↑↓ scroll", "g blackboard", "? help", "Enter inspect"])
        #expect(labels["choosing"] == ["Enter inspect", "↑↓ choose", "Esc done"])
        #expect(labels["failed"] == ["r retry", "s skip", "q quit"])
        #expect(labels["refused"] == ["r retry anyway", "s skip", "q quit"])
        #expect(labels["quitting"] == ["y yes", "n keep watching"])
        #expect(ComposerLineView.composerHint == "@id anywhere writes to that peer (Tab completes), none to all · Enter sends · Esc cancels")
    }

    @Test("a hint for a command with no key in the mode is not made")
    func noKeyNoHint() {
        #expect(KeyHint([.retryTurn], "retry", in: .normal) == nil)
        #expect(KeyHint([.scroll(.up), .scroll(.down)], "scroll", in: .normal)?.label == "↑↓")
        #expect(KeyMap.key(for: .requestQuit, in: .failurePrompt) == nil)
        #expect(KeyMap.key(for: .confirmQuit, in: .failurePrompt) == .character("q"))
    }

    @Test("once the debate finished the line says so, not the last warning")
    func finishedReplacesWarning() {
        var state = DebateBuilder.threePeerDebate().state()
        state.apply(.guardTripped(GuardTrip(kind: .repetition, agent: "cfo", detail: "Dana repeats herself", stops: false)))
        #expect(PromptLineView.line(for: state, width: 200).map(\.text).joined().contains("repetition guard"))
        state.apply(.debateFinished(.completed, usage: .zero))
        let line = PromptLineView.line(for: state, width: 200).map(\.text).joined()
        #expect(line.hasPrefix("Debate finished — q quit · "), "\(line)")
        #expect(!line.contains("repetition"))
        var stopped = DebateBuilder.threePeerDebate().state()
        stopped.apply(.debateFinished(.guardTripped(.tokenBudget), usage: .zero))
        #expect(PromptLineView.line(for: stopped, width: 200).map(\.text).joined().hasPrefix("Debate finished, stopped by the "))
    }
}
