import Foundation
import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("Themes")
struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")
    static let embeddedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ParleyObserver/Theme/BuiltInThemes.swift")

    /// The Swift file that embeds Themes/*.yaml, `default` first, then by name.
    static func embeddedSource() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted { ($0 == "default.yaml" ? 0 : 1, $0) < ($1 == "default.yaml" ? 0 : 1, $1) }
        var lines = [
            "// Generated from Themes/*.yaml: run `PARLEY_UPDATE_THEMES=1 swift test --filter ParleyObserverTests`",
            "// after changing a theme. Do not edit by hand; a test fails when this file and Themes/ differ.",
            "",
            "/// The built-in themes' YAML, embedded so the binary needs no files beside it.",
            "enum BuiltInThemes {",
            "    /// Each built-in theme's name and YAML text, `default` first.",
            "    static let sources: [(name: String, yaml: String)] = [",
        ]
        for file in files {
            let yaml = try String(contentsOf: themesFolder.appendingPathComponent(file), encoding: .utf8)
            lines.append("        (\"\(file.dropLast(5))\", #\"\"\"")
            lines.append(String(yaml.reversed().drop { $0 == "\n" }.reversed()))
            lines.append("\"\"\"#),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    @Test("the embedded themes are exactly Themes/*.yaml (PARLEY_UPDATE_THEMES=1 regenerates them)")
    func embeddedMatchesFiles() throws {
        let expected = try Self.embeddedSource()
        if ProcessInfo.processInfo.environment["PARLEY_UPDATE_THEMES"] == "1" {
            try expected.write(to: Self.embeddedFile, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: Self.embeddedFile, encoding: .utf8)
        #expect(actual == expected, "BuiltInThemes.swift is out of date: run PARLEY_UPDATE_THEMES=1 swift test --filter ParleyObserverTests")
    }

    @Test("every built-in theme reads without a warning and sets every role")
    func builtInsAreComplete() throws {
        #expect(ThemeCatalog.builtIn.names == ["default", "high-contrast", "light", "monochrome"])
        for source in BuiltInThemes.sources {
            let (theme, diagnostics) = try ThemeCatalog.read(source.yaml, source: source.name, name: source.name)
            #expect(diagnostics.isEmpty, "\(source.name): \(diagnostics)")
            #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
            #expect(theme.name == source.name)
        }
    }

    @Test("the monochrome theme uses no colour and tells roles apart by attributes")
    func monochrome() throws {
        let theme = try #require(ThemeCatalog.builtIn.index(named: "monochrome").map(ThemeCatalog.builtIn.theme(at:)))
        for (role, style) in theme.styles {
            #expect(style.foreground == .default && style.background == .default, "\(role) has a colour")
        }
        for pair: (ThemeRole, ThemeRole) in [(.border, .focus), (.statusBar, .statusHeld), (.muted, .foreground), (.graphEdge, .graphInFlight)] {
            #expect(theme.style(pair.0).attributes != theme.style(pair.1).attributes, "\(pair.0) and \(pair.1) look alike")
        }
        #expect(!theme.usesAgentColours)
        #expect(theme.agentStyle(Agent(id: "pm", name: "P", role: "", model: "", colour: "red"), index: 0).foreground == .default)
    }

    @Test("a role left out comes from the default theme, with a warning")
    func missingKey() throws {
        let yaml = "name: partial\ncolours:\n  focus: red\n"
        let (theme, diagnostics) = try ThemeCatalog.read(yaml, source: "partial.yaml", name: "partial")
        #expect(theme.style(.focus).foreground == .ansi(1))
        #expect(theme.style(.border) == ThemeCatalog.defaultTheme.style(.border))
        let border = diagnostics.first { $0.message.contains("colours.border") }
        #expect(border?.kind == .missingKey)
        #expect(border?.description == "partial.yaml: warning: 'colours.border' is not set; using the default theme's")
        #expect(diagnostics.contains { $0.message.contains("'palette'") })
    }

    @Test("an unknown key is reported with its line and column and ignored")
    func unknownKey() throws {
        let yaml = "name: typo\ncolours:\n  bordr: red\n  focus: { fg: red, weight: bold }\nflavour: mint\n"
        let (_, diagnostics) = try ThemeCatalog.read(yaml, source: "typo.yaml", name: "typo")
        let unknown = diagnostics.filter { $0.kind == .unknownKey }
        #expect(unknown.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" } == ["3:3", "4:21", "5:1"])
        #expect(unknown.first?.description.hasPrefix("typo.yaml:3:3: warning: unknown key 'bordr' in colours") == true)
    }

    @Test("a value that is no colour is an error at its line and column")
    func badColour() {
        let yaml = "name: bad\ncolours:\n  border: blurple\n"
        #expect {
            _ = try ThemeCatalog.read(yaml, source: "bad.yaml", name: "bad")
        } throws: { error in
            let error = error as? ThemeError
            return error?.location.line == 3 && error?.location.column == 11 && error?.description.contains("'blurple' is not a colour") == true
        }
    }

    @Test("YAML that does not parse is an error with its place")
    func badYAML() {
        #expect {
            _ = try ThemeCatalog.read("name: x\ncolours: [red\n", source: "broken.yaml", name: "broken")
        } throws: { error in
            (error as? ThemeError)?.location.line != nil
        }
    }

    @Test("colours are ANSI names, default, 0–255 or #rrggbb")
    func colours() {
        #expect(ThemeColour.parse("cyan") == .ansi(6))
        #expect(ThemeColour.parse("Bright-Red") == .ansi(9))
        #expect(ThemeColour.parse("grey") == .ansi(8))
        #expect(ThemeColour.parse("default") == .default)
        #expect(ThemeColour.parse("236") == .indexed(236))
        #expect(ThemeColour.parse("#ff8800") == .rgb(255, 136, 0))
        #expect(ThemeColour.parse("256") == nil)
        #expect(ThemeColour.parse("#ff88") == nil)
        #expect(ThemeColour.parse("blurple") == nil)
    }

    @Test("a theme reads colour words as a debate file does: brightred, bright_red and Bright Red are bright-red")
    func colourSpellings() {
        for spelling in ["brightred", "bright_red", "Bright Red", "BRIGHT-RED"] {
            #expect(ThemeColour.parse(spelling) == .ansi(9), "\(spelling)")
        }
    }

    @Test("a theme's problems read like a debate file's: did you mean, then the line and a caret")
    func problemsLikeDebateFiles() throws {
        let yaml = "name: typo\ncolours:\n  bordr: red\n"
        let (_, diagnostics) = try ThemeCatalog.read(yaml, source: "typo.yaml", name: "typo")
        let unknown = try #require(diagnostics.first { $0.kind == .unknownKey })
        #expect(unknown.description == """
            typo.yaml:3:3: warning: unknown key 'bordr' in colours, ignored; did you mean 'border'?
             3 |   bordr: red
               |   ^
            """)
    }

    @Test("an agent's own colour wins over the palette, which goes round in order")
    func agentColours() {
        let theme = ThemeCatalog.defaultTheme
        let plain = Agent(id: "pm", name: "P", role: "", model: "")
        #expect(theme.agentStyle(plain, index: 0) == theme.palette[0])
        #expect(theme.agentStyle(plain, index: theme.palette.count) == theme.palette[0])
        let orange = Agent(id: "pm", name: "P", role: "", model: "", colour: "#ff8800")
        #expect(theme.agentStyle(orange, index: 1).foreground == .rgb(255, 136, 0))
        let odd = Agent(id: "pm", name: "P", role: "", model: "", colour: "sparkly")
        #expect(theme.agentStyle(odd, index: 1) == theme.palette[1])
    }

    @Test("--theme picks a built-in by name or a file by path, and t cycles through them")
    func catalogSelect() throws {
        var catalog = ThemeCatalog.builtIn
        #expect(try catalog.select("light").index == catalog.index(named: "light"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "colours:\n  focus: magenta\n".write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let (index, diagnostics) = try catalog.select("mine.yaml", relativeTo: folder.path)
        #expect(catalog.theme(at: index).name == "mine")
        #expect(catalog.theme(at: index).style(.focus).foreground == .ansi(5))
        #expect(!diagnostics.isEmpty)
        #expect(catalog.theme(at: index + 1).name == catalog.theme(at: 0).name, "t goes round to the first theme")
        #expect {
            _ = try catalog.select("solarized", relativeTo: folder.path)
        } throws: { error in
            (error as? ThemeError)?.description.contains("the built-in themes are default, high-contrast, light, monochrome") == true
        }
        #expect {
            _ = try catalog.select("missing/theme.yaml", relativeTo: folder.path)
        } throws: { error in
            (error as? ThemeError)?.description.contains("cannot read this theme file") == true
        }
    }

    @Test("every built-in theme draws the observer")
    func everyThemeDraws() {
        let state = DebateBuilder.threePeerDebate().state(columns: 100, rows: 30)
        let reference = ObserverView.render(state: state, theme: ThemeCatalog.defaultTheme).text
        for theme in ThemeCatalog.builtIn.themes {
            let canvas = ObserverView.render(state: state, theme: theme)
            #expect(canvas.text == reference, "\(theme.name) changes the text")
        }
        let light = ThemeCatalog.builtIn.theme(at: ThemeCatalog.builtIn.index(named: "light") ?? 0)
        #expect(ObserverView.render(state: state, theme: light)[50, 15].style.background == .indexed(255))
    }
}
