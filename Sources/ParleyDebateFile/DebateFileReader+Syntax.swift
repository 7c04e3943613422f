import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// YAML syntax errors, as problems with a position like any other.
extension DebateFileReader {
    /// Notes the error Yams threw while composing the file.
    mutating func reportSyntax(_ error: any Error) {
        guard var yamlError = error as? YamlError else {
            report("invalid YAML: \(SourceText.visible(String(describing: error)))", at: nil, path: .root)
            return
        }
        yamlError = errorNamingOpenBracket(yamlError) ?? yamlError
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            syntax(problem, at: mark.position, context: context)
        case .reader(let problem, let offset, _, let yaml):
            let mark = offset.map { Self.mark(atCharacter: $0, in: yaml) }
            let suggestion = problem.contains("control character")
                ? "remove the invisible control character here" : "save the file as UTF-8 text"
            report("invalid YAML: \(problem)", at: mark, path: .root, suggestion: suggestion)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            duplicateKey(key, firstAt: context.mark.position, againAt: secondPlace(of: key, after: context.mark.position))
        default:
            report("invalid YAML: \(SourceText.visible(yamlError.description))", at: nil, path: .root)
        }
    }

    /// A scanner, parser or composer error: at the problem, or where the unfinished thing began
    /// when the problem is the end of the file.
    private mutating func syntax(_ problem: String, at mark: SourcePosition, context: YamlError.Context?) {
        var message = "invalid YAML: \(problem)"
        var place = mark
        if let context {
            let text = context.text.trimmingWhitespace()
            if source.contains(line: mark.line) {
                message += " (\(text) that starts at line \(context.mark.line), column \(context.mark.column))"
            } else {
                message += " before the end of the file (\(text) that starts here)"
                place = context.mark.position
            }
        }
        report(message, at: place, path: .root, suggestion: syntaxSuggestion(problem, at: mark))
    }

    /// For a file that ends inside a flow list or mapping right after `[`, `{`, `,` or `:`
    /// (`title: [`), libyaml names only the end of the file ("while parsing a flow node"), not
    /// where the bracket opened. Parsing the text again with a value appended gets the error that
    /// does ("while parsing a flow sequence" at the innermost open `[`); nil when it does not.
    private func errorNamingOpenBracket(_ error: YamlError) -> YamlError? {
        guard case .parser(let context?, _, let end, let yaml) = error, context.text == "while parsing a flow node",
            !source.contains(line: end.line),
            case .failure(let again as YamlError) = Result(catching: { try Yams.compose(yaml: yaml + "\n ~") }),
            case .parser(let bracket?, _, let againEnd, _) = again,
            bracket.text == "while parsing a flow sequence" || bracket.text == "while parsing a flow mapping",
            source.contains(line: bracket.mark.line), !source.contains(line: againEnd.line)
        else { return nil }
        return again
    }

    /// What to do about common YAML slips.
    private func syntaxSuggestion(_ problem: String, at mark: SourcePosition) -> String? {
        let line = source.lines.indices.contains(mark.line - 1) ? source.lines[mark.line - 1] : ""
        if problem.contains("tab") || line.unicodeScalars.prefix(mark.column).contains("\t") {
            return "indent with spaces: YAML does not allow tabs for indentation"
        }
        if problem.contains("mapping values are not allowed") {
            return "put quotes around a value that contains ': ' (like title: \"Plan: ship it?\")"
        }
        if problem.contains("undefined alias") {
            return "define the anchor (&name) before using it (*name)"
        }
        if problem.contains("single document") {
            return "a debate file holds one document: remove the second '---'"
        }
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            return "close the bracket, or write the list or mapping one item per line"
        }
        return nil
    }

    /// Notes a key written twice in one mapping, at its second place when it is known.
    ///
    /// - Parameter path: the key's value, when known (not for a YAML syntax error).
    mutating func duplicateKey(_ key: String, firstAt first: SourcePosition, againAt again: SourcePosition?, path: FieldPath = .root) {
        report(
            "key \(SourceText.quoted(key)) appears twice in the same mapping (first at line \(first.line))",
            at: again ?? first, path: path, suggestion: "keep one of them"
        )
    }

    /// Where `key` is written again in the mapping whose key starts at `first`: the next line that
    /// has it in the same column, after only spaces or list dashes.
    private func secondPlace(of key: String, after first: SourcePosition) -> SourcePosition? {
        for number in (first.line + 1)...max(source.lines.count, first.line + 1) where source.lines.indices.contains(number - 1) {
            let scalars = Array(source.lines[number - 1].unicodeScalars)
            let start = first.column - 1
            guard scalars.count > start, scalars[..<start].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return SourcePosition(line: number, column: first.column)
                }
            }
        }
        return nil
    }

    /// The line and column of the character at `offset` in `text`.
    private static func mark(atCharacter offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
