import Foundation
import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Step repetition inside a turn")
struct StepRepetitionTests {
    static let loop = "I'm happy to share that I'm a moderator. "

    @Test("a span of words said three times in a row is found when its third time ends")
    func findsLoop() {
        var watch = StepRepetition()
        let text = "Hello there. " + String(repeating: Self.loop, count: 2) + "I'm happy to share that I'm a"
        #expect(watch.read(text) == nil)
        let loop = watch.read(" moderator.")
        #expect(loop?.span == "i'm happy to share that i'm a moderator")
        let kept = loop.map { StepRepetition.kept(of: text, before: $0) }
        #expect(kept == "Hello there. I'm happy to share that I'm a moderator.")
    }

    @Test("ordinary prose, and a short phrase said three times, are not a loop")
    func leavesProse() {
        var watch = StepRepetition()
        let prose = """
            No, no, no. We should build the narrow slice first, then measure churn. \
            The cost is two engineers for a quarter; the cost is real, and the cost is known.
            """
        #expect(watch.read(prose + " ") == nil)
    }

    @Test("a looping model is stopped mid-reply, its message cut after the first repeat, marked and counted")
    func cutsLoopingReply() async throws {
        let sent = Counter()
        let looping = TestModel { _, onChunk in
            // Streams the same sentence until it is stopped, as a small model does.
            while true {
                try Task.checkCancellation()
                _ = sent.increment()
                for word in Self.loop.split(separator: " ") { onChunk(.text(word + " ")) }
                await Task.yield()
            }
        }
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 1, guards: GuardSpec(), facilitator: false), models: ["eng": looping])
        let (events, task) = EventCollector.start(debate)
        #expect(await debate.run() == .completed)
        await task.value
        let all = await events.events
        let message = try #require(all.messages.first { $0.sender == "eng" })
        #expect(message.text == "I'm happy to share that I'm a moderator.")
        #expect(message.cut == .repetition)
        // Its call ended before any usage came: it is counted from what was sent and written.
        #expect(message.usage.promptTokens > 0 && message.usage.completionTokens >= Self.loop.utf8.count * 3 / 4)
        #expect(looping.cancelled == 1)
        #expect(sent.increment() <= 5)
        let trips = all.compactMap { event -> GuardTrip? in if case .guardTripped(let trip) = event { trip } else { nil } }
        #expect(trips.contains { $0.kind == .repetition && $0.agent == "eng" && $0.detail.contains("3 times in a row") })
        // The repeats were never streamed as the reply: no delta after the one that ended the loop.
        let streamed = all.compactMap { event -> String? in
            if case .textDelta(let agent, _, let text) = event, agent == "eng" { text } else { nil }
        }.joined()
        #expect(streamed.count < Self.loop.count * 3)
    }

    @Test("with the repetition detector off, a reply is not watched")
    func offLeavesReply() async throws {
        let text = String(repeating: Self.loop, count: 4)
        let model = TestModel { _ in text }
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 1, guards: GuardSpec(repetition: nil), facilitator: false), models: ["eng": model])
        let (events, task) = EventCollector.start(debate)
        _ = await debate.run()
        await task.value
        let message = try #require(await events.events.messages.first { $0.sender == "eng" })
        #expect(message.cut == nil)
        #expect(message.text == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("a reply the model ended at its token limit is marked truncated")
    func truncatedReply() async throws {
        let model = TestModel { _, onChunk in
            onChunk(.text("We should build the narrow slice and"))
            onChunk(.truncated)
        }
        let debate = try TestDebate.make(
            Fixtures.spec(rounds: 1, guards: GuardSpec(), facilitator: false), models: ["eng": model])
        let (events, task) = EventCollector.start(debate)
        _ = await debate.run()
        await task.value
        let all = await events.events
        #expect(all.messages.first { $0.sender == "eng" }?.cut == .length)
        #expect(all.messages.first { $0.sender == "pm" }?.cut == nil)
    }
}
