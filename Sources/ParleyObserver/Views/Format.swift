import Foundation

/// How numbers read in the observer.
enum Format {
    /// `950`, `12.3k`, `1.2M`.
    static func tokens(_ count: Int) -> String {
        switch count {
        case ..<1000: "\(count)"
        case ..<100_000: "\(Double(count / 100) / 10)k"
        case ..<1_000_000: "\(count / 1000)k"
        default: "\(Double(count / 100_000) / 10)M"
        }
    }

    /// `4:05`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    /// `$0.042`, `$1.25`.
    static func cost(_ dollars: Double) -> String {
        String(format: dollars < 0.1 ? "$%.3f" : "$%.2f", dollars)
    }
}
