import ParleyCore
import ParleyTestSupport
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("d shows a fork beside its parent")
@MainActor
struct ForkBesideParentTests {
    /// A recorded debate, and a fork of it at its fourth message: the same first three turns
    /// (its first event naming `parent`), then other words.
    static func debates(parent: String?) async throws -> (parent: [EventRecord], fork: [EventRecord]) {
        let original = try await InspectorTests.recorded()
        var fork: [EventRecord] = []
        var messages = 0
        for var record in original where !record.event.isDelta {
            switch record.event {
            case .debateStarted(var info):
                info.fork = ForkOrigin(parent: parent, message: MessageID(4), sharedThrough: 40)
                record.event = .debateStarted(info)
            case .messageCompleted(var message):
                messages += 1
                if messages > 3 { message.text = "What if we waited a quarter and measured churn first?" }
                record.event = .messageCompleted(message)
            default: break
            }
            fork.append(record)
        }
        return (original, fork)
    }

    @Test("on a fork, d asks for its parent and shows the two from where they part; elsewhere it says it needs a fork")
    func beside() async throws {
        #expect(KeyMap.command(for: .character("d"), in: .normal) == .compareWithParent)
        let (parent, fork) = try await Self.debates(parent: "run.jsonl")
        var plain = InspectorTests.observer(parent)
        #expect(plain.apply(.compareWithParent).isEmpty)
        #expect(plain.debate.notice?.text == "d shows a fork beside its parent: this debate is not a fork (f or parley fork makes one).")
        #expect(plain.inspector == nil)

        var state = InspectorTests.observer(fork)
        state.intake.replayName = "run-fork-4.jsonl"
        #expect(state.apply(.compareWithParent) == [.compare(parent: "run.jsonl")])
        state.openComparison(parent: "run.jsonl", records: parent)
        #expect(state.mode == .inspecting)
        let screen = InspectorTests.render(state).text
        #expect(screen.contains("This fork beside its parent, so far"))
        #expect(screen.contains("A: run.jsonl"))
        #expect(screen.contains("B: run-fork-4.jsonl"))
        #expect(screen.contains("They share 3 turns (through round 1) and part at turn 4."))
        #expect(screen.contains("── turn 4 "))
        #expect(screen.contains("What if we waited a quarter"))
        _ = state.apply(.cancel)
        #expect(state.inspector == nil && state.mode == .normal)

        var unrecorded = InspectorTests.observer(try await Self.debates(parent: nil).fork)
        #expect(unrecorded.apply(.compareWithParent).isEmpty)
        #expect(unrecorded.debate.notice?.text == "This fork's parent was not recorded to a file: nothing to show it beside.")
    }

    @Test("the app reads the parent recording for d, and says so when it cannot")
    func app() async throws {
        let file = ScratchFile()
        let (parent, fork) = try await Self.debates(parent: file.path)
        for (records, expected) in [([EventRecord](), "Cannot read the parent recording"), (parent, "part at turn 4")] {
            if !records.isEmpty {
                let writer = try EventLogWriter(path: file.path)
                for record in records { writer.append(record) }
                writer.close()
            }
            let (events, continuation) = AsyncStream.makeStream(of: EventRecord.self)
            for record in fork { continuation.yield(record) }
            continuation.finish()
            let terminal = FakeTerminal(width: 120, height: 34)
            let app = ObserverApp(terminal: terminal, options: ObserverOptions(isReplay: true))
            async let ended = app.run(records: events, send: SentCommands().send)
            _ = await terminal.frame { $0.text.contains("Debate finished") }
            terminal.keys.yield([.character("d")])
            let shown = await terminal.frame { $0.text.contains(expected) }
            #expect(shown != nil, "\(expected)")
            terminal.keys.yield([.escape, .character("q")])
            _ = await ended
        }
    }
}
