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
}
