import ArgumentParser
import Foundation
import ParleyCore
import ParleyDebateFile
import ParleyEngine
import ParleyModels

/// `parley bench`: how fast the engine runs an instant scripted debate, with and without
/// recording; optionally the time to first token through Parley against a direct call.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure engine throughput (messages per second, peak memory) on an instant scripted debate, and the observer's drawing.",
        discussion: "Build in release mode for real figures: swift build -c release && .build/release/parley bench")

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

    func validate() throws {
        guard DebateFile.agentLimits.contains(agents) else { throw ValidationError("--agents must be from 2 to 9") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() async throws {
        #if DEBUG
        Console.error("parley bench: this is a debug build; for real figures: swift build -c release && .build/release/parley bench")
        #endif
        _ = try Diagnostics.bootstrap(nil)
        let spec = BenchDebate.spec(agents: agents, rounds: rounds, floor: floor, facilitator: !noFacilitator)
        Console.out("parley bench: \(agents) agents × \(rounds) rounds, \(floor), scripted personas answering at once\(noFacilitator ? ", no facilitator" : "")\n")
        let plain = try await BenchDebate.measure(spec, recordTo: nil)
        Console.out("  without recording: \(plain)\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorded = try await BenchDebate.measure(spec, recordTo: path)
        Console.out("  with recording:    \(recorded)\n")
        Console.out("  peak memory: \(String(format: "%.1f", BenchDebate.peakMemoryMB())) MB\n")
        Console.out("observer, 9 peers streaming word by word: \(try await RenderBench.measure())\n")
        if let ttft {
            let measurement = try await FirstTokenProbe.measure(OpenAIConfig(baseURL: ttft, model: model), prompt: "Say hello in five words.")
            Console.out("  \(measurement)\n")
            await ModelHTTPClient.shutdown()
        }
    }
}

extension FloorProtocol: ExpressibleByArgument {}
