import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// Reading single values: text, numbers, flags, durations, choices and lists.
extension DebateFileReader {
    /// The text of a scalar, trimmed; nil (reported) when it is not text or, unless
    /// `allowEmpty`, is empty.
    mutating func text(_ node: Node, at path: FieldPath, expecting what: String = "text", allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            expected(what, at: node, path: path)
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        guard allowEmpty || !text.isEmpty else {
            expected(what, at: node, path: path)
            return nil
        }
        return text
    }

    /// A whole number (`3`, `50_000`) for which `isValid` holds; nil (reported) otherwise.
    ///
    /// - Parameter what: the expectation in full, e.g. `a whole number from 1 to 1000`.
    mutating func wholeNumber(_ node: Node, at path: FieldPath, expecting what: String, where isValid: (Int) -> Bool) -> Int? {
        guard let number = Self.scalarText(node).flatMap(Self.wholeNumber(in:)), isValid(number) else {
            expected(what, at: node, path: path)
            return nil
        }
        return number
    }

    /// A number (`0.5`, `3`, `1_000.5`) for which `isValid` holds; nil (reported) otherwise.
    mutating func number(_ node: Node, at path: FieldPath, expecting what: String, where isValid: (Double) -> Bool) -> Double? {
        guard let number = Self.scalarText(node).flatMap(Self.number(in:)), isValid(number) else {
            expected(what, at: node, path: path)
            return nil
        }
        return number
    }

    /// Seconds, written as a number or a duration (`400ms`, `2s`, `1m`, `1m30s`), within `limits`;
    /// nil (reported, with the range) otherwise. The range keeps a value far too large to wait
    /// for (`99999999999999999999h`) from reaching a clock that cannot hold it.
    ///
    /// - Parameter what: what the duration is, e.g. `a timeout`.
    mutating func seconds(_ node: Node, at path: FieldPath, expecting what: String, within limits: ClosedRange<Double>) -> Double? {
        guard let seconds = Self.scalarText(node).flatMap(DurationText.seconds(in:)), limits.contains(seconds) else {
            let range = "from \(DurationText.written(limits.lowerBound)) to \(DurationText.written(limits.upperBound))"
            expected("\(what) \(range) (seconds as a number, or a duration like 400ms, 2s or 1m)", at: node, path: path)
            return nil
        }
        return seconds
    }

    /// `true` or `false` (also `yes`/`no`, `on`/`off`); nil (reported) otherwise.
    mutating func flag(_ node: Node, at path: FieldPath) -> Bool? {
        guard let flag = Self.flag(node) else {
            expected("true or false", at: node, path: path)
            return nil
        }
        return flag
    }

    /// One of `choices` by its name (ignoring case, `_` read as `-`); nil (reported, with the
    /// valid names and the closest one, or what `hints` says about a name) otherwise.
    mutating func choice<Value>(
        _ node: Node, at path: FieldPath, among choices: [(name: String, value: Value)], hints: [String: String] = [:]
    ) -> Value? {
        let names = choices.map(\.name)
        guard let written = Self.scalarText(node), !Self.isNull(node) else {
            expected("one of \(names.joined(separator: ", "))", at: node, path: path)
            return nil
        }
        let typed = Spelling.normalized(written)
        if let match = choices.first(where: { Spelling.normalized($0.name) == typed }) { return match.value }
        let suggestion =
            hints[written.lowercased()] ?? Spelling.closest(to: written, among: names).map { "did you mean '\($0)'?" }
        report(
            "\(path.name): \(SourceText.quoted(written)) is not one of \(names.joined(separator: ", "))",
            at: node.position, path: path, suggestion: suggestion
        )
        return nil
    }

    /// A list of non-empty texts (a single text counts as a list of one); nil (reported) otherwise,
    /// with each bad item reported at its place.
    mutating func texts(_ node: Node, at path: FieldPath, expecting what: String) -> [String]? {
        if case .scalar = node, !Self.isNull(node) { return text(node, at: path).map { [$0] } }
        guard case .sequence(let list) = node else {
            expected(what, at: node, path: path)
            return nil
        }
        var texts: [String] = []
        var complete = true
        for (index, item) in list.enumerated() {
            if let text = text(item, at: path.index(index)) { texts.append(text) } else { complete = false }
        }
        return complete ? texts : nil
    }

    /// The text of a scalar that is not null, or nil.
    static func scalarText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else { return nil }
        return scalar.string.trimmingWhitespace()
    }

    /// The value of a scalar that says `true`/`yes`/`on` or `false`/`no`/`off` (in any case), or nil.
    static func flag(_ node: Node) -> Bool? {
        switch scalarText(node)?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// A whole number in decimal, with an optional sign and `_` between digits.
    static func wholeNumber(in text: String) -> Int? {
        guard let digits = numeral(text), !digits.contains(".") else { return nil }
        return Int(digits)
    }

    /// A finite decimal number, with an optional sign and `_` between digits.
    static func number(in text: String) -> Double? {
        guard let digits = numeral(text), let number = Double(digits), number.isFinite else { return nil }
        return number
    }

    /// The text without `_` between digits, if it is made of a sign, digits and at most one point.
    private static func numeral(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard let first = body.first, let last = body.last, first != "_", last != "_",
            body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_" || $0 == ".") }),
            body.filter({ $0 == "." }).count <= 1, body.contains(where: \.isNumber)
        else { return nil }
        return sign + body.filter { $0 != "_" }
    }
}
