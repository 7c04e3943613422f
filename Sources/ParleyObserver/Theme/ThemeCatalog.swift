import Foundation

/// The themes the observer can cycle through with `t`: the built-in ones (embedded in the
/// binary, so they work from any folder), then any loaded from a file with `--theme PATH`.
public struct ThemeCatalog: Sendable {
    /// Themes in cycling order.
    public private(set) var themes: [Theme]

    /// The built-in themes, `default` first.
    public static let builtIn = ThemeCatalog(themes: BuiltInThemes.sources.compactMap { source in
        try? ThemeReader.read(source.yaml, source: "built-in \(source.name)", defaultName: source.name,
                              fallback: source.name == "default" ? nil : defaultTheme).theme
    })

    /// The built-in `default` theme, which also fills in roles other themes leave out.
    public static let defaultTheme: Theme = {
        guard let source = BuiltInThemes.sources.first(where: { $0.name == "default" }),
            let read = try? ThemeReader.read(source.yaml, source: "built-in default", defaultName: "default", fallback: nil)
        else { return .plain }
        return read.theme
    }()

    /// Makes a catalog of these themes (at least one: an empty list holds the default theme).
    public init(themes: [Theme]) {
        self.themes = themes.isEmpty ? [Self.defaultTheme] : themes
    }

    /// The themes' names, in cycling order.
    public var names: [String] { themes.map(\.name) }

    /// The theme at `index`, counted round the list.
    public func theme(at index: Int) -> Theme {
        themes[((index % themes.count) + themes.count) % themes.count]
    }

    /// The index of the theme named `name`, if there is one.
    public func index(named name: String) -> Int? {
        themes.firstIndex { $0.name == name }
    }

    /// Picks the theme `--theme` names: a theme in the catalog by name, else a YAML file by path
    /// (relative to `directory`), which is added to the catalog.
    /// - Returns: its index and what was worth a warning while reading it.
    /// - Throws: ``ThemeError`` when no theme has that name and no readable theme file is there.
    public mutating func select(
        _ nameOrPath: String, relativeTo directory: String = FileManager.default.currentDirectoryPath
    ) throws(ThemeError) -> (index: Int, diagnostics: [ThemeDiagnostic]) {
        if let index = index(named: nameOrPath) { return (index, []) }
        let path = nameOrPath.hasPrefix("/") ? nameOrPath : directory + "/" + nameOrPath
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        guard looksLikePath || FileManager.default.fileExists(atPath: path) else {
            throw ThemeError(
                ThemeLocation(source: "--theme \(nameOrPath)"),
                "no theme is named '\(nameOrPath)'; the built-in themes are \(names.joined(separator: ", ")), or give the path of a theme's .yaml file")
        }
        let loaded = try Self.load(contentsOf: path)
        themes.append(loaded.theme)
        return (themes.count - 1, loaded.diagnostics)
    }

    /// Reads a theme file; its name defaults to the file's name without `.yaml`.
    /// - Throws: ``ThemeError`` when the file cannot be read or is not a theme.
    public static func load(contentsOf path: String) throws(ThemeError) -> (theme: Theme, diagnostics: [ThemeDiagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(ThemeLocation(source: path), "cannot read this theme file: check that it exists and is readable")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ThemeError(ThemeLocation(source: path), "this theme file is not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try ThemeReader.read(yaml, source: path, defaultName: name, fallback: defaultTheme)
    }

    /// Reads a theme from YAML text; `source` names it in messages.
    /// - Throws: ``ThemeError`` when the text is not a theme.
    public static func read(_ yaml: String, source: String, name: String) throws(ThemeError) -> (theme: Theme, diagnostics: [ThemeDiagnostic]) {
        try ThemeReader.read(yaml, source: source, defaultName: name, fallback: defaultTheme)
    }
}
