import Foundation
import ParleyCore
import ParleyDebateFile
import ParleyEngine
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The inspector: choose a message, see the request behind it")
struct InspectorTests {
    /// The built-in debate (round robin, two rounds, facilitator), run instantly; its records.
    static func recorded() async throws -> [EventRecord] {
        var spec = try DebateFile.parse(BuiltInDebates.featureX, path: BuiltInDebates.featureXName)
        spec.pace.delay = 0
        spec.floor = .roundRobin
        spec.rounds = 2
        return try await TimelineTests.records(of: spec)
    }

    /// The observer after the records, focused on the first peer's pane.
    static func observer(_ records: [EventRecord], columns: Int = 120, rows: Int = 34, replay: Bool = true) -> ObserverState {
        var state = ObserverState(columns: columns, rows: rows, isReplay: replay)
        for record in records { state.apply(record) }
        return state
    }

    /// The ids of the messages in `peer`'s pane, oldest first.
    static func messages(of peer: AgentID, in state: ObserverState) -> [MessageID] {
        state.shown.pane(peer)?.entries.compactMap { if case .message(let message) = $0 { message.id } else { nil } } ?? []
    }

    static func render(_ state: ObserverState) -> Canvas {
        ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme)
    }

    @Test("Enter chooses the focused pane's latest message, ↑ ↓ the ones before and after, and the pane marks it")
    func choosing() async throws {
        var state = Self.observer(try await Self.recorded())
        let peer = try #require(state.shown.peers.first?.id)
        #expect(state.view.focus == .peer(peer))
        let ids = Self.messages(of: peer, in: state)
        try #require(ids.count >= 2)
        #expect(KeyMap.command(for: .enter, in: .normal) == .select(.latest))
        _ = state.apply(.select(.latest))
        #expect(state.view.selection == MessageSelection(pane: .peer(peer), turn: .message(ids[ids.count - 1])))
        #expect(state.mode == .selecting)
        #expect(KeyMap.command(for: .up, in: .selecting) == .select(.previous))
        #expect(KeyMap.command(for: .down, in: .selecting) == .select(.next))
        #expect(KeyMap.command(for: .enter, in: .selecting) == .inspect)
        #expect(KeyMap.command(for: .character("n"), in: .selecting) == .stepTurn, "the other keys work as while watching")
        _ = state.apply(.select(.previous))
        #expect(state.view.selection?.turn == .message(ids[ids.count - 2]))
        _ = state.apply(.select(.next))
        _ = state.apply(.select(.next))
        #expect(state.view.selection?.turn == .message(ids[ids.count - 1]), "↓ stops at the latest")

        // The chosen message's first line is marked (reversed) in the pane, and only there.
        let canvas = Self.render(state)
        let rect = try #require(state.layout.rect(of: .peer(peer)))
        let area = PaneFrame.content(of: rect)
        let marked = (area.y..<area.maxY).filter { canvas[area.x, $0].style.attributes.contains(.reverse) }
        #expect(marked.count == 1)
        #expect(marked.first.map { canvas[area.x, $0].character } == "→", "the mark is on the message's first line, its addressees")
        _ = state.apply(.cancel)
        #expect(state.view.selection == nil && state.mode == .normal)
        let plain = Self.render(state)
        #expect((area.y..<area.maxY).allSatisfy { !plain[area.x, $0].style.attributes.contains(.reverse) })
    }

    @Test("choosing an older message scrolls the pane back to show it, marked")
    func choosingScrolls() async throws {
        var state = Self.observer(try await Self.recorded(), columns: 80, rows: 24)
        let peer = try #require(state.shown.peers.first?.id)
        let ids = Self.messages(of: peer, in: state)
        _ = state.apply(.select(.latest))
        for _ in ids.dropFirst() { _ = state.apply(.select(.previous)) }
        #expect(state.view.selection?.turn == .message(ids[0]))
        #expect(state.view.scroll(of: .peer(peer)).intent == .line(1), "the pane is scrolled back to its first message, under round 1's rule")
        let area = PaneFrame.content(of: try #require(state.layout.rect(of: .peer(peer))))
        let canvas = Self.render(state)
        let marked = (area.y..<area.maxY).filter { canvas[area.x, $0].style.attributes.contains(.reverse) }
        #expect(marked.count == 1)
        // The latest message is taller than this small pane: it shows from its first line, marked.
        _ = state.apply(.select(.latest))
        let latest = Self.render(state)
        #expect((area.y..<area.maxY).filter { latest[area.x, $0].style.attributes.contains(.reverse) } == [area.y])
    }

    @Test("Enter on a chosen message opens what RecordedTurns rebuilds for it: system prompt, memory, cue, answer")
    func opening() async throws {
        let records = try await Self.recorded()
        var state = Self.observer(records)
        let peer = try #require(state.shown.peers.first?.id)
        _ = state.apply(.select(.latest))
        _ = state.apply(.select(.previous))
        let id = try #require(Self.messages(of: peer, in: state).dropLast().last)
        _ = state.apply(.inspect)
        #expect(state.mode == .inspecting)
        let page = try #require(state.inspector)
        let turns = try RecordedTurns(records: records)
        let turn = try turns.turn(.message(id))
        let expected = TurnInspection(turn, of: turns).text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        guard case .text(let lines) = page.content else { Issue.record("not a turn's text"); return }
        #expect(lines == expected)
        #expect(page.title == "Inspector · message #\(id.rawValue)")

        let screen = Self.render(state).text
        #expect(screen.contains("Inspector · message #\(id.rawValue)"))
        #expect(screen.contains("System prompt"))
        let systemLine = try #require(turn.request.system.split(separator: "\n").first)
        #expect(screen.contains(String(systemLine.prefix(60))))
        #expect(lines.contains { $0.hasPrefix("── Memory (") } && lines.contains("── Cue ──"))
        #expect(screen.contains("Esc closes"))

        // It scrolls: a page down, to the end, back home.
        #expect(KeyMap.command(for: .pageDown, in: .inspecting) == .scroll(.pageDown))
        _ = state.apply(.scroll(.pageDown))
        #expect((state.inspector?.top ?? 0) > 0)
        #expect(!Self.render(state).text.contains("System prompt"))
        _ = state.apply(.scroll(.end))
        let count = page.lines(width: 116).count
        #expect(state.inspector?.top == count - 32)
        #expect(Self.render(state).text.contains("Scripted choice"), "the end shows why the persona chose its argument")
        _ = state.apply(.scroll(.home))
        #expect(state.inspector?.top == 0)

        // Esc and q close it, back to the message chosen.
        #expect(KeyMap.command(for: .character("q"), in: .inspecting) == .cancel)
        #expect(KeyMap.command(for: .escape, in: .inspecting) == .cancel)
        _ = state.apply(.cancel)
        #expect(state.inspector == nil && state.mode == .selecting)
    }

    @Test("a summary opens from the summary pane; looking back on the timeline, a message of that turn")
    func summariesAndTheTimeline() async throws {
        let records = try await Self.recorded()
        var state = Self.observer(records)
        _ = state.apply(.focus(.summary))
        _ = state.apply(.select(.latest))
        #expect(state.view.selection?.turn == .summary(.final))
        _ = state.apply(.inspect)
        #expect(state.inspector?.title == "Inspector · the final summary")
        _ = state.apply(.cancel)
        _ = state.apply(.cancel)

        let peer = try #require(state.shown.peers.first?.id)
        _ = state.apply(.focus(.peer(peer)))
        let first = try #require(Self.messages(of: peer, in: state).first)
        let turn = try #require(state.timeline.speakers.firstIndex(of: peer))
        while state.viewed?.turn != turn { _ = state.apply(.timeline(.turnBack)) }
        _ = state.apply(.select(.latest))
        #expect(state.view.selection?.turn == .message(first), "the pane as it was then holds only its first message")
        _ = state.apply(.inspect)
        #expect(state.inspector?.title == "Inspector · message #\(first.rawValue)")
    }

    @Test("a person's message, a turn still written, a version-1 recording: it says plainly why there is nothing to inspect")
    func nothingToInspect() async throws {
        var records = try await Self.recorded()
        let peer = try #require(Self.observer(records).shown.peers.first?.id)
        records.insert(
            EventRecord(seq: 0, time: 0, event: .humanMessage(
                Message(id: MessageID(900), sender: .human, to: .peers([peer]), round: 2, text: "And the cost?", startedAt: Date(), completedAt: Date()))),
            at: records.count - 1)
        var state = Self.observer(records)
        _ = state.apply(.select(.latest))
        #expect(state.view.selection?.turn == .message(MessageID(900)))
        _ = state.apply(.inspect)
        #expect(state.inspector == nil)
        #expect(state.debate.notice?.text == "Nothing to inspect: this is the person's message; no model was asked for it.")

        // A version-1 recording holds no spec, nor traces.
        var old = DebateBuilder.threePeerDebate().state(columns: 120, rows: 34, replay: true)
        _ = old.apply(.focus(.peer("pm")))
        _ = old.apply(.select(.latest))
        _ = old.apply(.inspect)
        #expect(old.inspector == nil)
        #expect(old.debate.notice?.text.hasPrefix("Nothing to inspect: this recording is event log version 1") == true)

        // The side pane holds no message.
        _ = old.apply(.focus(.side))
        _ = old.apply(.select(.latest))
        #expect(old.view.selection == nil)
        #expect(old.debate.notice?.text == "Nothing to inspect here: Tab to a peer's pane or the summary, then Enter.")
    }

    @Test("untrusted text in a request reaches the inspector without escape sequences or control characters")
    func untrustedText() async throws {
        var records = try await Self.recorded()
        let first = try #require(records.firstIndex { if case .messageCompleted = $0.event { true } else { false } })
        guard case .messageCompleted(var message) = records[first].event else { return }
        message.text += " \u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}done"
        records[first].event = .messageCompleted(message)
        var state = Self.observer(records)
        _ = state.apply(.select(.latest))
        _ = state.apply(.inspect)
        let page = try #require(state.inspector)
        let lines = page.lines(width: 116)
        #expect(lines.contains { $0.contains("done") }, "the message is in the later turn's memory")
        #expect(lines.allSatisfy(Sanitizer.isClean))
        #expect(Self.render(state).text.allSatisfy { $0 != "\u{1B}" && $0 != "\u{07}" && $0 != "\u{202E}" })
    }

    @Test("a mouse click under the inspector focuses nothing; the wheel scrolls it")
    func mouse() {
        #expect(KeyMap.command(for: .mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 3, y: 3))), in: .inspecting) == nil)
        #expect(KeyMap.command(for: .mouse(MouseEvent(kind: .wheelDown, position: Point(x: 3, y: 3))), in: .inspecting) == .wheel(Point(x: 3, y: 3), .down))
    }

    @Test("the inspector fits every size; at a tiny one it says the terminal is too small")
    func sizes() async throws {
        var state = Self.observer(try await Self.recorded())
        _ = state.apply(.select(.latest))
        _ = state.apply(.inspect)
        for (columns, rows) in [(200, 60), (60, 16), (30, 8), (24, 6)] {
            let canvas = ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme, columns: columns, rows: rows)
            #expect(canvas.lines[0].hasPrefix("┏━ Inspector"), "\(columns)×\(rows)")
            #expect(canvas.text.contains("Esc closes"), "\(columns)×\(rows)")
        }
        let tiny = ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme, columns: 20, rows: 5)
        #expect(tiny.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains("The terminal is too small for the inspector"))
    }
}
