extension Duration {
    /// The duration in milliseconds, for logs and reports.
    package var inMilliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

extension Double {
    /// The value rounded to a tenth, as logs show milliseconds and seconds.
    var roundedToTenth: Double { (self * 10).rounded() / 10 }
}
