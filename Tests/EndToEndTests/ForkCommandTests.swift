import Foundation
import Testing

/// `parley fork`, run for real.
@Suite("parley fork", .serialized)
struct ForkCommandTests {
    /// Records the demo headless and returns the log's path and what was printed.
    static func recordDemo() throws -> (log: URL, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        let run = try Parley.run(["run", "Debates/feature-x.yaml", "--headless", "--instant", "--record", log.path])
        #expect(run.status == 0)
        return (log, run.output)
    }

    @Test("a fork of a recording at a turn, with the file it ran with, prints the same debate; its recording names its parent")
    func reproducesTheDemo() throws {
        let (log, original) = try Self.recordDemo()
        let forked = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString).jsonl")
        defer {
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(at: forked)
        }
        let fork = try Parley.run([
            "fork", log.path, "--at", "#5", "--file", "Debates/feature-x.yaml", "--headless", "--instant", "--record", forked.path,
        ])
        #expect(fork.status == 0, "\(fork.errors)")
        #expect(fork.output == original)
        let first = try #require(try String(contentsOf: forked, encoding: .utf8).split(separator: "\n").dropFirst().first)
        #expect(first.contains(#""fork":{"parent":"\#(log.path)","message":5,"sharedThrough":"#))
        let replay = try Parley.run(["replay", forked.path, "--headless"])
        #expect(replay.status == 0)
        #expect(replay.output.contains("Debate completed · 9 messages"))
    }

    @Test("without --file a fork goes on with the spec the recording carries (event log version 2), and says the same")
    func specFromTheRecording() throws {
        let (log, original) = try Self.recordDemo()
        defer { try? FileManager.default.removeItem(at: log) }
        let fork = try Parley.run(["fork", log.path, "--at", "5", "--headless", "--instant"])
        #expect(fork.status == 0, "\(fork.errors)")
        #expect(fork.output == original)
    }

    @Test("fork says what to do: without --file for a recording without its spec, at no turn, with other agents")
    func refusals() throws {
        let (log, _) = try Self.recordDemo()
        let renamed = try Parley.temporaryFile(
            try String(contentsOf: Parley.package.appendingPathComponent("Debates/feature-x.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "id: cfo", with: "id: cto"))
        defer {
            try? FileManager.default.removeItem(at: log)
            try? FileManager.default.removeItem(at: renamed)
        }
        let version1 = Parley.package.appendingPathComponent("Tests/ParleyEngineTests/Recordings/v1-demo.jsonl")
        let noFile = try Parley.run(["fork", version1.path, "--at", "5", "--headless"])
        #expect(noFile.status == 1)
        #expect(noFile.errors.contains("does not carry its debate's spec"))
        #expect(noFile.errors.contains("--file"))
        let noTurn = try Parley.run(["fork", log.path, "--at", "99", "--file", "Debates/feature-x.yaml", "--headless"])
        #expect(noTurn.status == 1)
        #expect(noTurn.errors.contains("no turn made message #99; the recording's turns are #1 to #9"))
        let agents = try Parley.run(["fork", log.path, "--at", "5", "--file", renamed.path, "--headless"])
        #expect(agents.status == 1)
        #expect(agents.errors.contains("\(renamed.path): the debate file adds @cto and leaves out @cfo"))
        let notAnID = try Parley.run(["fork", log.path, "--at", "five", "--file", "Debates/feature-x.yaml"])
        #expect(notAnID.status == 64)
        #expect(notAnID.errors.contains("--at takes a message id, like 12 or #12, not 'five'"))
    }
}
