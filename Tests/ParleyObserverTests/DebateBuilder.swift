import Foundation
import ParleyCore
@testable import ParleyObserver

/// Builds the events of a debate by hand, as the engine would emit them: turns stream their
/// text word by word, then complete.
struct DebateBuilder {
    private(set) var events: [DebateEvent] = []
    private(set) var nextMessage = 1
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    static let pm = Agent(id: "pm", name: "Priya", role: "Product manager — user value", model: "scripted")
    static let eng = Agent(id: "eng", name: "Eli", role: "Engineer — feasibility", model: "scripted")
    static let cfo = Agent(id: "cfo", name: "Dana", role: "CFO — revenue impact", model: "smollm2 @ 127.0.0.1:8571")
    static let facilitator = Agent(id: .facilitator, name: "Facilitator", role: "summarizes", model: "scripted")

    /// A debate of three peers (or of `agents`) with a facilitator.
    static func info(agents: [Agent] = [pm, eng, cfo], rounds: Int = 3, floor: FloorProtocol = .mention) -> DebateInfo {
        DebateInfo(
            title: "Should we build feature X?", question: "Is feature X worth a quarter of the team?",
            floor: floor, rounds: rounds, agents: agents, facilitator: facilitator, pace: PaceState(mode: .live))
    }

    /// `count` peers `p1` … with names and roles.
    static func agents(_ count: Int) -> [Agent] {
        let names = ["Priya", "Eli", "Dana", "Omar", "Yuki", "Sam", "Ravi", "Lena", "Noor"]
        return (0..<count).map { Agent(id: AgentID("p\($0 + 1)"), name: names[$0 % names.count], role: "Peer \($0 + 1)", model: "scripted") }
    }

    init(_ info: DebateInfo = DebateBuilder.info()) {
        events.append(.debateStarted(info))
    }

    mutating func add(_ event: DebateEvent) { events.append(event) }

    mutating func round(_ round: Int) { events.append(.roundStarted(round: round)) }

    /// A turn: started, streamed in word deltas, completed.
    @discardableResult
    mutating func turn(
        _ agent: AgentID, round: Int, says text: String, to address: Address = .everyone, tokens: Int = 40,
        complete: Bool = true
    ) -> MessageID {
        let id = begin(agent, round: round)
        stream(agent, id, text)
        if complete { finish(agent, id, round: round, text: text, to: address, tokens: tokens) }
        return id
    }

    @discardableResult
    mutating func begin(_ agent: AgentID, round: Int) -> MessageID {
        let id = MessageID(nextMessage)
        nextMessage += 1
        events.append(.turnStarted(agent: agent, round: round, message: id))
        return id
    }

    mutating func stream(_ agent: AgentID, _ id: MessageID, _ text: String) {
        var piece = ""
        for character in text {
            piece.append(character)
            if character == " " {
                events.append(.textDelta(agent: agent, message: id, text: piece))
                piece = ""
            }
        }
        if !piece.isEmpty { events.append(.textDelta(agent: agent, message: id, text: piece)) }
    }

    mutating func finish(_ agent: AgentID, _ id: MessageID, round: Int, text: String, to address: Address, tokens: Int) {
        events.append(.messageCompleted(Message(
            id: id, sender: agent, to: address, round: round, text: text,
            usage: Usage(promptTokens: tokens, completionTokens: tokens / 2), startedAt: start, completedAt: start)))
    }

    mutating func human(_ text: String, to address: Address, round: Int) {
        let id = MessageID(nextMessage)
        nextMessage += 1
        events.append(.humanMessage(Message(id: id, sender: .human, to: address, round: round, text: text, startedAt: start, completedAt: start)))
    }

    mutating func note(_ author: AgentID, _ kind: BlackboardNote.Kind, _ text: String, round: Int) {
        let count = events.filter { if case .blackboardNote = $0 { true } else { false } }.count
        events.append(.blackboardNote(BlackboardNote(id: count + 1, author: author, kind: kind, text: text, round: round)))
    }

    mutating func summary(_ scope: SummaryScope, _ text: String, complete: Bool = true) {
        events.append(.summaryStarted(scope))
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            events.append(.summaryDelta(scope, text: word + " "))
        }
        if complete { events.append(.summaryCompleted(Summary(scope: scope, text: text, usage: Usage(promptTokens: 100, completionTokens: 30)))) }
    }

    /// The state after every event so far (played back from a recording with `replay`).
    func state(columns: Int = 100, rows: Int = 30, replay: Bool = false) -> ObserverState {
        var state = ObserverState(columns: columns, rows: rows, isReplay: replay)
        for event in events { state.apply(event) }
        return state
    }

    /// A realistic three-peer debate: two rounds held with summaries and notes, a human
    /// question, and the third round under way with Dana (cfo) speaking.
    static func threePeerDebate() -> DebateBuilder {
        var debate = DebateBuilder()
        debate.round(1)
        debate.add(.floorPassed(from: nil, to: "pm", round: 1))
        debate.turn("pm", round: 1, says: "Users keep asking for X: it is the top request in every survey this year. @eng can we ship a first cut in six weeks?", to: .peer("eng"))
        debate.note("pm", .claim, "X is the top user request this year", round: 1)
        debate.add(.floorPassed(from: "pm", to: "eng", round: 1))
        debate.turn("eng", round: 1, says: "Six weeks is tight. The sync layer needs rework first, so call it ten weeks with two engineers.", to: .everyone)
        debate.note("eng", .question, "Can the sync rework be split out?", round: 1)
        debate.add(.floorPassed(from: "eng", to: "cfo", round: 1))
        debate.turn("cfo", round: 1, says: "Ten weeks of two engineers is about 80k. @pm what revenue does X bring?", to: .peer("pm"))
        debate.add(.roundEnded(round: 1))
        debate.summary(.round(1), "PM wants X for users; engineering estimates ten weeks; finance asks for the revenue case.")
        debate.round(2)
        debate.human("What about the churn numbers?", to: .peers(["pm", "cfo"]), round: 2)
        debate.turn("pm", round: 2, says: "Churn among teams that asked for X is twice the average. Keeping them is the revenue.", to: .everyone)
        debate.turn("eng", round: 2, says: "We can split the sync rework out and ship X behind a flag in eight weeks.", to: .everyone)
        debate.note("eng", .decision, "Ship X behind a flag; sync rework follows", round: 2)
        debate.turn("cfo", round: 2, says: "Then the payback is under two quarters. I can support that.", to: .everyone)
        debate.add(.roundEnded(round: 2))
        debate.summary(.round(2), "Churn data makes the revenue case; a flagged release in eight weeks wins support.")
        debate.round(3)
        debate.turn("pm", round: 3, says: "So we agree: X behind a flag, eight weeks.", to: .everyone)
        debate.add(.floorPassed(from: "pm", to: "eng", round: 3))
        debate.turn("eng", round: 3, says: "Agreed, with the rework scheduled right after. @cfo", to: .peer("cfo"))
        let id = debate.begin("cfo", round: 3)
        debate.stream("cfo", id, "Budget approved for ")
        return debate
    }
}
