import ParleyCore

/// The text of a YAML file (a debate file, a theme) by line, to quote the line a problem is on; and the rules that keep
/// untrusted file text harmless when it is shown in a terminal.
public struct SourceText: Sendable {
    /// The lines, without their line breaks.
    public let lines: [String]

    /// Splits `text` into lines (`\n`, `\r\n` or `\r`).
    public init(_ text: String) {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterReturn {
                afterReturn = false
                continue
            }
            afterReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        self.lines = lines
    }

    /// Line `number` (from 1), made safe to show, or nil past the end.
    public func line(_ number: Int) -> String? {
        lines.indices.contains(number - 1) ? Self.visible(lines[number - 1]) : nil
    }

    /// Whether a position (line and column from 1) falls on text, rather than past the end of the file.
    public func contains(line: Int) -> Bool {
        lines.indices.contains(line - 1) && !(line == lines.count && lines[line - 1].isEmpty)
    }

    /// `text` with every control character, escape and bidirectional override replaced by a visible
    /// stand-in of the same width in scalars (so columns still line up): C0 controls become their
    /// Unicode control pictures (`␛`, `␊`), others `�`. Tabs are kept.
    public static func visible(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09:
                scalars.append(scalar)
            case 0x00..<0x20:
                scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F:
                scalars.append("\u{2421}")
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                scalars.append("\u{FFFD}")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `text` between quotes for a message, made visible (tabs too) and cut to `limit` characters;
    /// `…` between the quotes when it looks like an API key.
    public static func quoted(_ text: String, quote: String = "'", limit: Int = 48) -> String {
        guard !CredentialShape.looksLikeKey(text) else { return quote + "…" + quote }
        var shown = visible(text).replacingTabs()
        if shown.count > limit { shown = String(shown.prefix(limit - 1)) + "…" }
        return quote + shown + quote
    }
}

extension String {
    /// The text with tabs shown as `␉`.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? "\u{2409}" : $0 }))
    }
}
