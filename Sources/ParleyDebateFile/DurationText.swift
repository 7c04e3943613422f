import ParleyCore
import ParleyEngine
import ParleyFiles

/// Durations as debate files write them: a plain number of seconds (`90`, `0.5`) or numbers with
/// units `ms`, `s`, `m` and `h`, which may be chained (`400ms`, `2s`, `1m`, `1m30s`, `1.5 s`).
enum DurationText {
    /// The seconds `text` stands for, or nil when it is no duration (negative numbers included,
    /// so the caller can say what range it expects).
    static func seconds(in text: String) -> Double? {
        let text = text.trimmingWhitespace().lowercased()
        if let plain = DebateFileReader.number(in: text) { return plain }
        var rest = Substring(text)
        var total = 0.0
        var sawPart = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !digits.isEmpty, let amount = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            guard let scale = units[String(unit)] else { return nil }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            total += amount * scale
            sawPart = true
        }
        return sawPart && total.isFinite ? total : nil
    }

    /// Seconds written the shortest way in whole units: `0`, `1ms`, `30s`, `1h`, `24h`.
    static func written(_ seconds: Double) -> String {
        if seconds == 0 { return "0" }
        for (unit, scale) in [("h", 3600.0), ("m", 60), ("s", 1), ("ms", 0.001)] {
            let amount = (seconds / scale * 1000).rounded() / 1000
            if amount >= 1, amount == amount.rounded() { return "\(Int(amount))\(unit)" }
        }
        return "\(seconds)s"
    }

    /// Seconds per unit.
    private static let units: [String: Double] = ["ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600]
}
