import ArgumentParser
import Foundation
import ParleyCore
import ParleyEngine
import ParleyModels
import TerminalKit

/// `parley-bench`: how fast the engine runs an instant scripted debate, with and without
/// recording; optionally the time to first token through Parley against a direct call.
@main
struct ParleyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-bench",
        abstract: "Measure engine throughput (messages per second, peak memory) on an instant scripted debate, and the observer's drawing.",
        discussion: "Build in release mode for real figures: Benchmarks/run, or swift build -c release --product parley-bench && .build/release/parley-bench")

    @Option(help: "Peers in the debate (2–9).")
    var agents = 8

    @Option(help: "Rounds to hold.")
    var rounds = 1000

    @Option(name: .customLong("protocol"), help: "Floor protocol: round-robin, mention or simultaneous.")
    var floor: FloorProtocol = .roundRobin

    @Flag(help: "Run without a facilitator (no summaries).")
    var noFacilitator = false

    @Option(help: ArgumentHelp("Also measure time to first token at this OpenAI-compatible base URL (e.g. http://127.0.0.1:8571/v1).", valueName: "base-url"))
    var ttft: String?

    @Option(help: "The model to ask for --ttft.")
    var model = "smollm2"

    @Flag(help: "Run the load benchmark instead: 9 peers on a loopback server streaming one-token chunks as fast as it can, watched by the observer and the headless printer.")
    var load = false

    @Option(help: "How long the load benchmark runs, in seconds.")
    var seconds: Double = 600

    @Flag(help: "Run the seek benchmark instead: a long recorded debate taken into the observer, then timeline jumps to turns all along it.")
    var seek = false

    @Option(help: "How many recorded events the seek benchmark's debate has.")
    var events = 100_000

    /// Sets up the heap (``HeapArenas``) and the character locale for measuring text before any
    /// thread starts, then runs.
    static func main() async {
        HeapArenas.useOne()
        TextWidth.prepare()
        await main(nil)
    }

    func validate() throws {
        guard (2...9).contains(agents) else { throw ValidationError("--agents must be from 2 to 9") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        guard events >= 1_000, events <= 10_000_000 else { throw ValidationError("--events must be from 1000 to 10000000") }
        guard seconds > 0, seconds <= 86_400 else { throw ValidationError("--seconds must be more than 0 and at most 86400") }
    }

    func run() async throws {
        #if DEBUG
        Report.error("parley-bench: this is a debug build; for real figures: Benchmarks/run")
        #endif
        _ = try FileLogHandler.bootstrap(path: nil)
        if load {
            Report.out("parley-bench --load: 9 peers, simultaneous, one-token chunks from a loopback server, observer and headless printer watching, \(Int(seconds)) s\n")
            Report.out("  \(try await LoadBench.run(seconds: seconds))\n")
            return
        }
        if seek {
            Report.out("parley-bench --seek: a recorded debate of 8 peers taken into the observer, then timeline jumps to its turns\n")
            Report.out("  \(try await SeekBench.measure(events: events))\n")
            return
        }
        let spec = BenchDebate.spec(agents: agents, rounds: rounds, floor: floor, facilitator: !noFacilitator)
        Report.out("parley-bench: \(agents) agents × \(rounds) rounds, \(floor), scripted personas answering at once\(noFacilitator ? ", no facilitator" : "")\n")
        let plain = try await BenchDebate.measure(spec, recordTo: nil)
        Report.out("  without recording: \(plain)\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorded = try await BenchDebate.measure(spec, recordTo: path)
        Report.out("  with recording:    \(recorded)\n")
        Report.out("  peak memory: \(String(format: "%.1f", BenchDebate.peakMemoryMB())) MB\n")
        Report.out("observer, 9 peers streaming word by word: \(try await RenderBench.measure())\n")
        if let ttft {
            let measurement = try await FirstTokenProbe.measure(OpenAIConfig(baseURL: ttft, model: model), prompt: "Say hello in five words.")
            Report.out("  \(measurement)\n")
            await ModelHTTPClient.shutdown()
        }
    }
}

extension FloorProtocol: ExpressibleByArgument {}
