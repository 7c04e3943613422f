/// Cleans untrusted text that arrives in pieces (a model's token deltas, a file read in blocks),
/// so that nothing in it can drive the terminal. Pieces may be split anywhere, even inside an
/// escape sequence: feeding the pieces one after another gives exactly what
/// ``Sanitizer/clean(_:tabWidth:)`` gives for the whole text.
///
/// The rules:
/// - a newline is kept; a carriage return is removed (so CR LF becomes LF);
/// - a tab becomes spaces up to the next tab stop, counting terminal columns since the last newline;
/// - every escape sequence is removed entirely: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or
///   ST), DCS, SOS, PM and APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` … ST), `ESC c` and every other
///   `ESC` sequence, and their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098 SOS,
///   U+009E PM, U+009F APC, U+009C ST);
/// - other C0 controls are shown as their Unicode control pictures (BEL becomes "␇"), DEL as "␡",
///   and other C1 controls as U+FFFD "�";
/// - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
///   removed: a terminal that reorders text would let them show a line in another order than
///   it was written ("Trojan Source").
///
/// A string sequence (OSC, DCS, SOS, PM, APC) that is never terminated swallows the rest of the
/// text, up to ``maxStringSequenceLength`` scalars: past that it is dropped and text shows again,
/// so a stray `ESC ]` cannot hide a whole debate. Nothing is buffered: the sanitizer keeps only a
/// few words of state, whatever it is fed, and never holds text back.
public struct StreamSanitizer: Sendable, Hashable {
    /// How many scalars of a string sequence's payload are swallowed before it is given up.
    public static let maxStringSequenceLength = 4096

    private enum StringKind: Sendable, Hashable {
        /// OSC: ends with BEL as well as ST.
        case operatingSystemCommand
        /// DCS, SOS, PM, APC: end with ST only.
        case other
    }

    private enum Mode: Sendable, Hashable {
        case text
        /// After ESC.
        case escape
        /// After ESC and intermediate bytes (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        /// Inside a CSI, waiting for its final byte (0x40–0x7E).
        case controlSequence
        /// Inside a string sequence's payload.
        case string(StringKind)
        /// After ESC inside a string sequence: `\` ends it (ST); anything else starts a new escape.
        case stringEscape(StringKind)
    }

    private let tabWidth: Int
    private var mode = Mode.text
    private var stringLength = 0
    /// Columns since the last newline before `lineTail`, modulo the tab width.
    private var settledColumns = 0
    /// Text shown since the last newline or tab whose width is not yet counted: the last
    /// character, which a following scalar may still join (a combining mark, a ZWJ sequence).
    private var lineTail = ""

    /// Makes a sanitizer at the start of a text.
    /// - Parameter tabWidth: columns between tab stops (at least 1).
    public init(tabWidth: Int = 4) {
        self.tabWidth = max(1, tabWidth)
    }

    /// Cleans the next piece of the text and returns what can be shown of it.
    public mutating func feed(_ chunk: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in chunk.unicodeScalars { step(scalar, into: &output) }
        settleLineTail()
        return String(output)
    }

    /// Ends the text: an unfinished escape sequence is dropped, and the sanitizer is ready for a
    /// new text. Nothing is left to show: ``feed(_:)`` never holds text back.
    public mutating func finish() {
        mode = .text
        stringLength = 0
        settledColumns = 0
        lineTail = ""
    }

    // MARK: - The state machine

    private mutating func step(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch mode {
        case .text:
            text(scalar, into: &output)
        case .escape:
            switch value {
            case 0x5B: mode = .controlSequence  // [
            case 0x5D: beginString(.operatingSystemCommand)  // ]
            case 0x50, 0x58, 0x5E, 0x5F: beginString(.other)  // P X ^ _
            case 0x20...0x2F: mode = .escapeIntermediate
            case 0x30...0x7E: mode = .text  // a two-character sequence such as ESC c
            case 0x1B: break  // ESC ESC: the first one is dropped
            case 0x18, 0x1A: mode = .text  // CAN, SUB cancel
            default: abandonSequence(at: scalar, into: &output)
            }
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F: break
            case 0x30...0x7E: mode = .text
            case 0x1B: mode = .escape
            case 0x18, 0x1A: mode = .text
            default: abandonSequence(at: scalar, into: &output)
            }
        case .controlSequence:
            switch value {
            case 0x20...0x3F: break  // parameters and intermediates
            case 0x40...0x7E: mode = .text  // final byte
            case 0x1B: mode = .escape
            case 0x18, 0x1A: mode = .text
            default: abandonSequence(at: scalar, into: &output)
            }
        case .string(let kind):
            switch value {
            case 0x1B: mode = .stringEscape(kind)
            case 0x9C: mode = .text  // 8-bit ST
            case 0x07 where kind == .operatingSystemCommand: mode = .text  // BEL ends an OSC
            case 0x18, 0x1A: mode = .text
            default:
                stringLength += 1
                if stringLength > Self.maxStringSequenceLength { abandonSequence(at: scalar, into: &output) }
            }
        case .stringEscape:
            if value == 0x5C {  // ESC \ is ST
                mode = .text
            } else {
                mode = .escape
                step(scalar, into: &output)
            }
        }
    }

    /// Drops the sequence being read and shows `scalar` as text.
    private mutating func abandonSequence(at scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        mode = .text
        text(scalar, into: &output)
    }

    private mutating func beginString(_ kind: StringKind) {
        mode = .string(kind)
        stringLength = 0
    }

    private mutating func text(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch value {
        case 0x0A:
            output.append(scalar)
            settledColumns = 0
            lineTail = ""
        case 0x0D:
            break
        case 0x09:
            let column = (settledColumns + TextWidth.columns(lineTail)) % tabWidth
            let spaces = tabWidth - column
            output.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: spaces))
            settledColumns = 0
            lineTail = ""
        case 0x1B:
            mode = .escape
        case 0x00...0x1F:
            show(Unicode.Scalar(0x2400 + value)!, into: &output)
        case 0x7F:
            show("\u{2421}", into: &output)
        case 0x9B:
            mode = .controlSequence
        case 0x9D:
            beginString(.operatingSystemCommand)
        case 0x90, 0x98, 0x9E, 0x9F:
            beginString(.other)
        case 0x9C:
            break  // a lone ST
        case 0x80...0x9F:
            show("\u{FFFD}", into: &output)
        case 0x202A...0x202E, 0x2066...0x2069:
            break
        default:
            show(scalar, into: &output)
        }
    }

    private mutating func show(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        output.append(scalar)
        lineTail.unicodeScalars.append(scalar)
    }

    /// Counts the width of every character of the line tail but the last, which more scalars may
    /// still join; grapheme boundaries before the last character never move when text is added.
    private mutating func settleLineTail() {
        guard lineTail.count > 1 else { return }
        let last = lineTail.index(before: lineTail.endIndex)
        settledColumns = (settledColumns + TextWidth.columns(lineTail[..<last])) % tabWidth
        lineTail = String(lineTail[last...])
    }
}
