/// Durations as people read them, and as plain seconds.
public enum Seconds {
    /// `250 ms`, `1.5 s`, `60 s`, `2 min 5 s`.
    public static func describe(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "∞" }
        guard seconds < 1e9 else { return "\(seconds) s" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 {
            let tenths = (seconds * 10).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths)) s" : "\(tenths) s"
        }
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }
}

extension Duration {
    /// The duration in seconds.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
