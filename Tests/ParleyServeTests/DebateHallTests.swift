import Foundation
import ParleyEngine
import Testing
@testable import ParleyServe

@Suite("The debates a server runs")
struct DebateHallTests {
    @Test("closing stops every running debate, and a closed hall starts none and leaves no recording")
    func closedHallStartsNothing() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-hall-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let hall = DebateHall(dataDirectory: data, models: ModelProvider())
        let running = try hall.start(yaml: ServedDebates.small(), name: "a.yaml")
        await hall.close()
        #expect(running.current.state == "finished")
        #expect(running.current.finish == .stopped)

        var refused = false
        do {
            _ = try hall.start(yaml: ServedDebates.small(), name: "b.yaml")
        } catch {
            if case .closing = error { refused = true }
        }
        #expect(refused)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data) == ["\(running.id).jsonl"])
    }

    @Test("a concluded debate refuses add-round, unless it lingers (the observer's, served by parley run --serve)")
    func addRoundWhenLingering() {
        var status = DebateStatus()
        status.apply(.debateConcluded(round: 2))
        #expect(status.refusal(of: .addRound)?.contains("has concluded") == true)
        #expect(status.refusal(of: .addRound, lingers: true) == nil)
    }
}
