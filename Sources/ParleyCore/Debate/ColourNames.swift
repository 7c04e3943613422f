/// The colour names a debate file's agents and a theme may use, besides `#rrggbb`: the 16 ANSI
/// colours (by their number, so the terminal's own palette shows them) and some common names
/// (as RGB, shown as near as the terminal can). One vocabulary for the debate file's checks,
/// the observer's themes and the headless printer.
public enum ColourNames {
    /// What a name stands for.
    public enum Value: Sendable, Hashable {
        /// ANSI colour 0–15.
        case ansi(UInt8)
        /// A true colour.
        case rgb(UInt8, UInt8, UInt8)
    }

    /// Every name and its colour.
    public static let table: [(name: String, value: Value)] = {
        let ansi = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var table: [(String, Value)] = []
        for (number, name) in ansi.enumerated() {
            table.append((name, .ansi(UInt8(number))))
            table.append(("bright-\(name)", .ansi(UInt8(number + 8))))
        }
        table += [
            ("gray", .ansi(8)), ("grey", .ansi(8)),
            ("orange", .rgb(255, 165, 0)), ("purple", .rgb(128, 0, 128)), ("pink", .rgb(255, 105, 180)),
            ("teal", .rgb(0, 128, 128)), ("brown", .rgb(165, 42, 42)), ("lime", .rgb(50, 205, 50)),
            ("navy", .rgb(0, 0, 128)), ("olive", .rgb(128, 128, 0)), ("maroon", .rgb(128, 0, 0)),
            ("gold", .rgb(255, 215, 0)), ("violet", .rgb(238, 130, 238)), ("indigo", .rgb(75, 0, 130)),
            ("coral", .rgb(255, 127, 80)), ("turquoise", .rgb(64, 224, 208)),
        ]
        return table
    }()

    /// The names, in the table's order.
    public static var names: [String] { table.map(\.name) }

    /// The colour a lowercase, hyphenated name stands for.
    public static func value(of name: String) -> Value? {
        table.first { $0.name == name }?.value
    }
}
