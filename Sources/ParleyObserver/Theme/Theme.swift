import ParleyCore
import TerminalKit

/// A colour theme: a style for each ``ThemeRole`` and a palette for agents.
public struct Theme: Sendable, Hashable {
    /// The theme's name, as `--theme NAME` and the status bar show it.
    public var name: String
    /// One style per role; every role is present in a loaded theme.
    public var styles: [ThemeRole: Style]
    /// Styles for agents in ring order, used when an agent names no colour of its own.
    public var palette: [Style]
    /// Whether an agent's own `colour` from the debate file overrides the palette.
    public var usesAgentColours: Bool
    /// What it is for, in a sentence (the file's `description`); nil when it does not say.
    public var summary: String?

    /// Makes a theme.
    public init(
        name: String, styles: [ThemeRole: Style], palette: [Style], usesAgentColours: Bool = true, summary: String? = nil
    ) {
        self.summary = summary
        self.name = name
        self.styles = styles
        self.palette = palette.isEmpty ? [Style()] : palette
        self.usesAgentColours = usesAgentColours
    }

    /// The style for a role, on the theme's background; the plain style if the role is missing.
    public func style(_ role: ThemeRole) -> Style {
        styles[role] ?? base
    }

    /// The theme's foreground on its background: the style of ordinary text.
    public var base: Style {
        Style(
            foreground: styles[.foreground]?.foreground ?? .default,
            background: styles[.background]?.background ?? .default)
    }

    /// The style of the agent at `index` in ring order: its own `colour` when it names one the
    /// theme can read (and the theme honours agent colours), else the palette's, in order.
    public func agentStyle(_ agent: Agent?, index: Int) -> Style {
        var style = palette[((index % palette.count) + palette.count) % palette.count]
        if usesAgentColours, let name = agent?.colour, let colour = ThemeColour.parse(name) {
            style.foreground = colour
        }
        return style
    }

    /// A theme with no colours at all, used only if the built-in default could not be read.
    public static let plain = Theme(
        name: "plain",
        styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, Style()) }),
        palette: [Style(attributes: .bold)], usesAgentColours: false)
}
