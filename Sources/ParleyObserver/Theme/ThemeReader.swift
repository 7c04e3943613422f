import ParleyFiles
import TerminalKit
import Yams

/// Reads a theme from its YAML text:
///
/// ```yaml
/// name: default
/// colours:
///   background: default
///   border: bright-black
///   focus: { fg: bright-cyan, attributes: [bold] }
/// palette: [cyan, magenta, green]
/// agent-colours: true
/// ```
///
/// A role is a colour (its text colour) or a map of `fg`, `bg` and `attributes` (bold, dim,
/// italic, underline, reverse). Roles left out come from `fallback` with a warning; unknown keys
/// are reported with their line and column and ignored.
enum ThemeReader {
    /// Top-level keys a theme may have.
    static let topLevelKeys = ["name", "description", "colours", "palette", "agent-colours"]
    /// Keys of a style map.
    static let styleKeys = ["fg", "bg", "attributes"]
    /// Attribute names.
    static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
    ]

    /// A style as written: what it sets, the rest inherited from the theme's colours.
    struct StyleSpec {
        var foreground: Color?
        var background: Color?
        var attributes: TextAttributes = []

        func resolved(foreground base: Color, background ground: Color) -> Style {
            Style(foreground: foreground ?? base, background: background ?? ground, attributes: attributes)
        }
    }

    /// Reads `yaml`; `source` names it in messages, `defaultName` is used when it has no `name`.
    /// - Throws: ``ThemeError`` for YAML it cannot parse or values that are not colours, styles
    ///   or lists where those are expected, with the line and column.
    static func read(
        _ yaml: String, source: String, defaultName: String, fallback: Theme?
    ) throws(ThemeError) -> (theme: Theme, diagnostics: [ThemeDiagnostic]) {
        var reading = Reading(source: source, text: SourceText(yaml))
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reading.error(of: error)
        } catch {
            throw ThemeError(ThemeLocation(source: source), "cannot read the theme: \(error)")
        }
        guard let root else { throw ThemeError(ThemeLocation(source: source), "the theme is empty") }
        guard let top = root.mapping else { throw reading.error(at: root, "a theme is a map of keys such as name, colours, palette") }

        var name = defaultName
        var summary: String?
        var specs: [ThemeRole: (StyleSpec, Node)] = [:]
        var palette: [StyleSpec]?
        var usesAgentColours = fallback?.usesAgentColours ?? true
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name": name = try reading.scalarText(value)
            case "description": summary = try reading.scalarText(value)
            case "colours":
                guard let roles = value.mapping else { throw reading.error(at: value, "colours is a map from role to colour") }
                for (roleNode, roleValue) in roles {
                    let roleName = roleNode.string ?? ""
                    guard let role = ThemeRole(rawValue: roleName) else {
                        reading.unknown(roleName, at: roleNode, in: "colours", known: ThemeRole.allCases.map(\.rawValue))
                        continue
                    }
                    specs[role] = (try reading.style(roleValue, colourOnly: role.isColour), roleValue)
                }
            case "palette":
                guard let list = value.sequence else { throw reading.error(at: value, "palette is a list of colours or styles") }
                palette = try list.map { node throws(ThemeError) in try reading.style(node, colourOnly: false) }
            case "agent-colours":
                guard let flag = value.bool else { throw reading.error(at: value, "agent-colours is true or false") }
                usesAgentColours = flag
            default:
                reading.unknown(key, at: keyNode, in: nil, known: topLevelKeys)
            }
        }

        let fallbackTheme = fallback ?? .plain
        let foreground = specs[.foreground]?.0.foreground ?? fallbackTheme.base.foreground
        let background = specs[.background]?.0.foreground ?? fallbackTheme.base.background
        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.allCases {
            if let (spec, _) = specs[role] {
                styles[role] = role.isColour
                    ? Style(foreground: foreground, background: background)
                    : spec.resolved(foreground: foreground, background: background)
            } else {
                reading.missing("colours.\(role.rawValue)", fallbackName: fallbackTheme.name)
                styles[role] = fallbackTheme.style(role)
            }
        }
        let paletteStyles: [Style]
        if let palette, !palette.isEmpty {
            paletteStyles = palette.map { $0.resolved(foreground: foreground, background: background) }
        } else {
            reading.missing("palette", fallbackName: fallbackTheme.name)
            paletteStyles = fallbackTheme.palette
        }
        let theme = Theme(
            name: name, styles: styles, palette: paletteStyles, usesAgentColours: usesAgentColours, summary: summary)
        return (theme, reading.diagnostics)
    }

    /// What one reading collected so far, and how it words its messages.
    struct Reading {
        let source: String
        let text: SourceText
        var diagnostics: [ThemeDiagnostic] = []

        func location(of node: Node) -> ThemeLocation {
            ThemeLocation(source: source, line: node.mark?.line, column: node.mark?.column)
        }

        func error(at node: Node, _ message: String) -> ThemeError {
            ThemeError(location(of: node), message, sourceLine: node.mark.flatMap { text.line($0.line) })
        }

        func error(of yamlError: YamlError) -> ThemeError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                ThemeError(
                    ThemeLocation(source: source, line: mark.line, column: mark.column), "this is not valid YAML: \(problem)",
                    sourceLine: text.line(mark.line))
            default:
                ThemeError(ThemeLocation(source: source), "this is not valid YAML: \(yamlError)")
            }
        }

        mutating func unknown(_ key: String, at node: Node, in section: String?, known: [String]) {
            let within = section.map { " in \($0)" } ?? ""
            let hint = Spelling.closest(to: key, among: known).map { "did you mean '\($0)'?" }
                ?? "known keys: \(known.joined(separator: ", "))"
            diagnostics.append(ThemeDiagnostic(
                kind: .unknownKey, location: location(of: node),
                message: "unknown key \(SourceText.quoted(key))\(within), ignored; \(hint)",
                sourceLine: node.mark.flatMap { text.line($0.line) }))
        }

        mutating func missing(_ key: String, fallbackName: String) {
            diagnostics.append(ThemeDiagnostic(
                kind: .missingKey, location: ThemeLocation(source: source),
                message: "'\(key)' is not set; using the \(fallbackName) theme's"))
        }

        func scalarText(_ node: Node) throws(ThemeError) -> String {
            guard let scalar = node.scalar else { throw error(at: node, "expected text here") }
            return scalar.string
        }

        func colour(_ node: Node) throws(ThemeError) -> Color {
            let written = try scalarText(node)
            guard let colour = ThemeColour.parse(written) else {
                throw error(at: node, "\(SourceText.quoted(written)) is not a colour: use an ANSI name (cyan, bright-red), default, 0–255 or #rrggbb")
            }
            return colour
        }

        mutating func style(_ node: Node, colourOnly: Bool) throws(ThemeError) -> StyleSpec {
            if node.scalar != nil { return StyleSpec(foreground: try colour(node)) }
            guard !colourOnly, let map = node.mapping else {
                throw error(at: node, colourOnly ? "expected a colour here" : "expected a colour or a map of fg, bg and attributes")
            }
            var spec = StyleSpec()
            for (keyNode, value) in map {
                switch keyNode.string ?? "" {
                case "fg": spec.foreground = try colour(value)
                case "bg": spec.background = try colour(value)
                case "attributes": spec.attributes = try attributes(value)
                default: unknown(keyNode.string ?? "", at: keyNode, in: "a style", known: ThemeReader.styleKeys)
                }
            }
            return spec
        }

        func attributes(_ node: Node) throws(ThemeError) -> TextAttributes {
            let nodes = node.sequence.map(Array.init) ?? [node]
            var attributes: TextAttributes = []
            for item in nodes {
                for word in try scalarText(item).split(whereSeparator: { $0 == " " || $0 == "," }) {
                    guard let attribute = ThemeReader.attributeNames[String(word).lowercased()] else {
                        throw error(at: item, "'\(word)' is not an attribute: use bold, dim, italic, underline or reverse")
                    }
                    attributes.formUnion(attribute)
                }
            }
            return attributes
        }
    }
}
