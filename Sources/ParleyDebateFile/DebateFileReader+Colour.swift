import Foundation
import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// An agent's colour: a palette name or `#rrggbb`.
extension DebateFileReader {
    /// An agent's colour, written `colour` or `color` (not both): a palette name or `#rrggbb`.
    mutating func colour(in fields: Fields) -> String? {
        guard let entry = entry("colour", orAlias: "color", in: fields) else { return nil }
        let path = fields.path.key(entry.key)
        let what = "a colour name (like cyan, bright-red or orange) or #rrggbb"
        guard let text = text(entry.value, at: path, expecting: what) else { return nil }
        let written = text.lowercased()
        if written.hasPrefix("#") {
            let digits = written.dropFirst()
            guard ColourText.hex(written) != nil else {
                let short = digits.count == 3 && digits.allSatisfy(\.isHexDigit)
                expected(what, at: entry.value, path: path, suggestion: short ? "did you mean '#\(digits.map { "\($0)\($0)" }.joined())'?" : nil)
                return nil
            }
            return written
        }
        guard let named = ColourText.name(written) else {
            report(
                "\(path.name): \(SourceText.quoted(text)) is not a colour name or #rrggbb", at: entry.value.position, path: path,
                suggestion: Spelling.closest(to: written, among: DebateFile.colourNames).map { "did you mean '\($0)'?" }
                    ?? "use one of \(DebateFile.colourNames.joined(separator: ", ")), or #rrggbb"
            )
            return nil
        }
        return named
    }
}
