import ParleyCore

extension ObserverState {
    /// The speeds `+` and `-` step a replay through; 0, past the fastest, plays as fast as it can.
    public static let replaySpeeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 0]

    /// `+` and `-` in a replay: the next speed up or down ``replaySpeeds``, sent to the replay.
    /// A speed between two steps (`--speed 3`) goes to the step beyond it.
    mutating func changeSpeed(faster: Bool) -> [ObserverEffect] {
        guard debate.finish == nil, !intake.hasEnded else {
            debate.notice = Notice(text: "The replay has ended: q quits, the panes still scroll.", tone: .info)
            return []
        }
        let steps = Self.replaySpeeds.dropLast()
        let speed = intake.replaySpeed
        let next: Double? = if speed == 0 {
            faster ? nil : steps.last
        } else if faster {
            steps.first { $0 > speed } ?? 0
        } else {
            steps.last { $0 < speed }
        }
        guard let next else {
            let text = faster ? "The replay plays as fast as it can already." : "The slowest replay speed is \(Self.describe(speed: speed))."
            debate.notice = Notice(text: text, tone: .info)
            return []
        }
        intake.replaySpeed = next
        debate.notice = Notice(text: "Replay speed \(Self.describe(speed: next)).", tone: .info)
        return [.send(.setSpeed(next))]
    }

    /// A replay speed as the status bar says it: `2×`, `0.25×`, `max` (as fast as it can).
    public static func describe(speed: Double) -> String {
        if speed <= 0 { return "max" }
        let text = speed == speed.rounded() && speed < 1e9 ? String(Int(speed)) : "\(speed)"
        return "\(text)×"
    }
}
