import ParleyCore

extension DebateCommand {
    /// The command as `POST /debates/{id}/commands` takes it (`{"command":"pause"}`), or nil
    /// for one that is this observer's own: `stop` leaves the debate (it goes on on its server),
    /// and a live debate has no replay speed.
    var wireBody: [String: WireValue]? {
        switch self {
        case .pause: ["command": .text("pause")]
        case .resume: ["command": .text("resume")]
        case .stepTurn: ["command": .text("step-turn")]
        case .stepRound: ["command": .text("step-round")]
        case .retryTurn: ["command": .text("retry")]
        case .skipTurn: ["command": .text("skip")]
        case .cancelTurn: ["command": .text("cancel")]
        case .addRound: ["command": .text("add-round")]
        case .setDelay(let seconds): ["command": .text("delay"), "seconds": .number(seconds)]
        case .inject(let text, .everyone): ["command": .text("inject"), "text": .text(text)]
        case .inject(let text, .peers(let ids)):
            ["command": .text("inject"), "text": .text(text), "to": .list(ids.map(\.rawValue))]
        case .setSpeed, .stop: nil
        }
    }

    /// What the person asked, in words, for a refusal: "step a turn".
    var asked: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .stepTurn: "step a turn"
        case .stepRound: "step a round"
        case .retryTurn: "retry the turn"
        case .skipTurn: "skip the turn"
        case .cancelTurn: "cancel the turn"
        case .addRound: "add a round"
        case .setDelay: "change the delay"
        case .inject: "send your message"
        case .setSpeed: "change the speed"
        case .stop: "stop"
        }
    }
}

/// A value of a command's JSON body.
enum WireValue: Encodable, Sendable, Equatable {
    case text(String)
    case number(Double)
    case list([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .list(let list): try container.encode(list)
        }
    }
}
