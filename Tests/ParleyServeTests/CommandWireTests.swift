import Foundation
import ParleyCore
import Testing

@testable import ParleyAttach
@testable import ParleyServe

@Suite("commands on the wire")
struct CommandWireTests {
    /// Every command an attached observer sends, as the server reads it back.
    static let sent: [DebateCommand] = [
        .pause, .resume, .stepTurn, .stepRound, .retryTurn, .skipTurn, .cancelTurn, .addRound, .setDelay(0.75),
        .inject(text: "What would it cost?", to: .everyone), .inject(text: "And you?", to: .peers([AgentID("pm"), AgentID("eng")])),
    ]

    @Test("each command parley attach sends is the same command when the server reads it")
    func roundTrip() throws {
        for command in Self.sent {
            let body = try #require(command.wireBody, "\(command) is not sent")
            let request = try JSONDecoder().decode(CommandRequest.self, from: try JSONEncoder().encode(body))
            #expect(try request.debateCommand(peers: [AgentID("pm"), AgentID("eng")]) == command)
        }
    }

    @Test("leaving and a replay's speed stay with the observer: nothing is sent")
    func notSent() {
        #expect(DebateCommand.stop.wireBody == nil)
        #expect(DebateCommand.setSpeed(2).wireBody == nil)
    }
}
