// Generated from Themes/*.yaml: run `PARLEY_UPDATE_THEMES=1 swift test --filter ParleyObserverTests`
// after changing a theme. Do not edit by hand; a test fails when this file and Themes/ differ.

/// The built-in themes' YAML, embedded so the binary needs no files beside it.
enum BuiltInThemes {
    /// Each built-in theme's name and YAML text, `default` first.
    static let sources: [(name: String, yaml: String)] = [
        ("default", #"""
# Parley's default theme: the terminal's own dark background, calm borders, bright accents.
# A role is a colour (ANSI name, default, 0-255 or #rrggbb) or a map of fg, bg and attributes.
name: default
description: Dark terminals; the terminal's own background and text colours.
colours:
  background: default
  foreground: default
  border: bright-black
  focus: { fg: bright-cyan, attributes: [bold] }
  title: { fg: bright-white, attributes: [bold] }
  muted: bright-black
  reasoning: { fg: bright-black, attributes: [italic] }
  accent: bright-cyan
  warning: yellow
  error: { fg: bright-red, attributes: [bold] }
  summary: white
  human: { fg: bright-yellow, attributes: [bold] }
  graph-edge: bright-black
  graph-in-flight: { fg: bright-yellow, attributes: [bold] }
  graph-count: white
  blackboard: { fg: bright-white, attributes: [bold] }
  status-bar: { fg: black, bg: cyan }
  status-live: { fg: black, bg: bright-green, attributes: [bold] }
  status-held: { fg: black, bg: bright-yellow, attributes: [bold] }
  composer: bright-white
  overlay: { fg: bright-white, bg: 236 }
palette: [cyan, magenta, green, yellow, blue, red, bright-cyan, bright-magenta, bright-green]
agent-colours: true
"""#),
        ("high-contrast", #"""
# Parley at maximum contrast: bright white on black, strong colours, bold where it matters.
name: high-contrast
description: Black background, bright white text and saturated colours for low vision.
colours:
  background: black
  foreground: bright-white
  border: white
  focus: { fg: bright-yellow, attributes: [bold] }
  title: { fg: bright-white, attributes: [bold, underline] }
  muted: white
  reasoning: { fg: white, attributes: [italic] }
  accent: { fg: bright-cyan, attributes: [bold] }
  warning: { fg: bright-yellow, attributes: [bold] }
  error: { fg: bright-white, bg: red, attributes: [bold] }
  summary: bright-white
  human: { fg: bright-yellow, attributes: [bold, underline] }
  graph-edge: white
  graph-in-flight: { fg: black, bg: bright-yellow, attributes: [bold] }
  graph-count: { fg: bright-white, attributes: [bold] }
  blackboard: { fg: bright-white, attributes: [bold, reverse] }
  status-bar: { fg: black, bg: bright-white, attributes: [bold] }
  status-live: { fg: black, bg: bright-green, attributes: [bold] }
  status-held: { fg: black, bg: bright-yellow, attributes: [bold] }
  composer: { fg: bright-white, attributes: [bold] }
  overlay: { fg: bright-white, bg: black, attributes: [bold] }
palette: [bright-cyan, bright-magenta, bright-green, bright-yellow, bright-blue, bright-red, bright-white, cyan, magenta]
agent-colours: true
"""#),
        ("light", #"""
# Parley on a light background: dark text on near-white, deeper colours that stay readable.
name: light
description: Light background with dark text, for bright rooms and light terminals.
colours:
  background: 255
  foreground: 235
  border: 248
  focus: { fg: 25, attributes: [bold] }
  title: { fg: 232, attributes: [bold] }
  muted: 244
  reasoning: { fg: 245, attributes: [italic] }
  accent: 25
  warning: 130
  error: { fg: 160, attributes: [bold] }
  summary: 236
  human: { fg: 90, attributes: [bold] }
  graph-edge: 249
  graph-in-flight: { fg: 166, attributes: [bold] }
  graph-count: 238
  blackboard: { fg: 232, attributes: [bold] }
  status-bar: { fg: 255, bg: 24 }
  status-live: { fg: 255, bg: 28, attributes: [bold] }
  status-held: { fg: 232, bg: 214, attributes: [bold] }
  composer: 232
  overlay: { fg: 232, bg: 253 }
palette: [25, 90, 28, 130, 31, 160, 54, 94, 23]
agent-colours: true
"""#),
        ("monochrome", #"""
# Parley without colour: every role reads through attributes alone (bold, dim, italic,
# underline, reverse), so it looks right with NO_COLOR or on a terminal without colours.
name: monochrome
description: No colours, only attributes; made for NO_COLOR and monochrome terminals.
colours:
  background: default
  foreground: default
  border: { attributes: [dim] }
  focus: { attributes: [bold] }
  title: { attributes: [bold] }
  muted: { attributes: [dim] }
  reasoning: { attributes: [dim, italic] }
  accent: { attributes: [bold, underline] }
  warning: { attributes: [bold] }
  error: { attributes: [bold, reverse] }
  summary: default
  human: { attributes: [bold, italic] }
  graph-edge: { attributes: [dim] }
  graph-in-flight: { attributes: [bold, reverse] }
  graph-count: { attributes: [bold] }
  blackboard: { attributes: [reverse] }
  status-bar: { attributes: [reverse] }
  status-live: { attributes: [bold, reverse] }
  status-held: { attributes: [bold] }
  composer: { attributes: [bold] }
  overlay: { attributes: [reverse] }
palette:
  - { attributes: [bold] }
  - { attributes: [bold, underline] }
  - { attributes: [bold, italic] }
agent-colours: false
"""#),
    ]
}
