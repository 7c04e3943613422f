import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import ParleyObserver
import Synchronization
import TerminalKit

/// The load benchmark: nine peers on a loopback server that streams one-token chunks as fast
/// as it can, watched by the observer (its real loop, on a terminal that only diffs frames)
/// and the headless printer at once, for a number of seconds.
enum LoadBench {
    /// One run's figures.
    struct Figures: CustomStringConvertible {
        var tokens: Int
        var messages: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakMB: Double
        var frames: Int

        var description: String {
            "\(tokens.formatted()) tokens in \(String(format: "%.1f", seconds)) s — \(Int(Double(tokens) / seconds).formatted()) tokens/s ingested"
                + " (\(messages.formatted()) messages, \(frames.formatted()) frames drawn)"
                + "; CPU \(String(format: "%.2f", cpuSeconds * 1_000_000 / Double(max(tokens, 1)))) ms per 1,000 tokens"
                + "; peak memory \(String(format: "%.1f", peakMB)) MB"
        }
    }

    /// Runs the debate for `seconds`, then stops it.
    @MainActor
    static func run(seconds: Double, agents: Int = 9, tokensPerReply: Int = 200) async throws -> Figures {
        let server = try TokenServer(tokensPerReply: tokensPerReply)
        defer { server.stop() }
        let peers = (0..<agents).map { index in
            AgentSpec(id: AgentID("peer\(index + 1)"), name: "Peer \(index + 1)", role: "role \(index + 1)", backend: "loopback")
        }
        let spec = DebateSpec(
            title: "Load", question: "Which plan should we fund?", rounds: 1_000_000, floor: .simultaneous,
            guards: GuardSpec(repetition: nil),
            backends: ["loopback": .openai(OpenAIConfig(baseURL: server.baseURL, model: "load", contextTokens: 8192))],
            agents: peers)
        let debate = try Debate(spec: spec, models: .standard(), policy: .stop)
        let tokens = Atomic<Int>(0)
        let messages = Atomic<Int>(0)
        debate.bus.addSink { record in
            switch record.event {
            case .textDelta: tokens.add(1, ordering: .relaxed)
            case .messageCompleted: messages.add(1, ordering: .relaxed)
            default: break
            }
        }
        let printed = debate.events()
        let printing = Task.detached {
            var printer = HeadlessPrinter(colour: false)
            var bytes = 0
            for await record in printed { bytes += printer.text(for: record.event).utf8.count }
            return bytes
        }
        let terminal = DiffingTerminal(width: 200, height: 60)
        let app = ObserverApp(terminal: terminal)
        let observed = debate.events()
        let started = ContinuousClock.now
        let cpuBefore = cpuSeconds()
        let running = Task.detached { await debate.run() }
        let timer = Task.detached {
            try? await Task.sleep(for: .seconds(seconds))
            debate.send(.stop)
        }
        let closing = Task { @MainActor in
            _ = await running.value
            terminal.close()
        }
        await app.run(records: observed, send: { debate.send($0) })
        await closing.value
        timer.cancel()
        _ = await printing.value
        let elapsed = (ContinuousClock.now - started).inSeconds
        await ModelHTTPClient.shutdown()
        return Figures(
            tokens: tokens.load(ordering: .relaxed), messages: messages.load(ordering: .relaxed), seconds: elapsed,
            cpuSeconds: cpuSeconds() - cpuBefore, peakMB: BenchDebate.peakMemoryMB(), frames: terminal.frames)
    }

    /// The CPU time this process used so far, user and system.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// A terminal for the observer that diffs each frame against the last, as the screen does,
/// and writes nothing; its input ends when the benchmark closes it.
@MainActor
final class DiffingTerminal: ObserverTerminal {
    let input: AsyncStream<[Key]>
    private let keys: AsyncStream<[Key]>.Continuation
    let size: (width: Int, height: Int)
    private var previous: Canvas?
    private(set) var frames = 0

    init(width: Int, height: Int) {
        size = (width, height)
        (input, keys) = AsyncStream.makeStream(of: [Key].self)
    }

    func present(_ canvas: Canvas) {
        _ = FrameDiff.runs(from: previous, to: canvas)
        previous = canvas
        frames += 1
    }

    func setCursor(_ point: Point?) {}
    func invalidate() { previous = nil }

    /// Ends the input: the observer's loop returns.
    func close() { keys.finish() }
}
