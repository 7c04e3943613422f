import Foundation
import TerminalKit

// terminal-check: a small real program over Screen, for end-to-end tests in a terminal.
//
//   terminal-check [--crash-after-draw | --throw-after-draw] [--cleanup-file PATH]
//
// It draws a frame with the terminal size, a line of CJK and emoji, its pid and the keys it
// received (decoded), redraws at the new size on a resize, and quits on `q`, printing
// "terminal-check: done" once the terminal is restored. --crash-after-draw force-unwraps nil
// right after the first frame; --throw-after-draw throws an error out of Screen.run instead
// (reported as "terminal-check: error: ..." once the terminal is restored); --cleanup-file registers a cleanup hook that writes
// "cleanup ran" to PATH when a signal stops the program.

struct Options {
    var crashAfterDraw = false
    var throwAfterDraw = false
    var cleanupFile: String?

    init(_ arguments: [String]) {
        var rest = arguments.makeIterator()
        while let argument = rest.next() {
            switch argument {
            case "--crash-after-draw": crashAfterDraw = true
            case "--throw-after-draw": throwAfterDraw = true
            case "--cleanup-file": cleanupFile = rest.next()
            default:
                FileHandle.standardError.write(Data("terminal-check: unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// What the check shows.
struct CheckState {
    var keys: [Key] = []
    var keyCount = 0
    var resizes = 0
    var frames = 0

    mutating func receive(_ key: Key) {
        keyCount += 1
        keys.append(key)
        if keys.count > 8 { keys.removeFirst(keys.count - 8) }
        if key == .resize { resizes += 1 }
    }

    func canvas(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let frame = Style(foreground: .ansi(6))
        let inner = width - 2
        guard width >= 2, height >= 2 else { return canvas }
        canvas.put("┌" + String(repeating: "─", count: inner) + "┐", x: 0, y: 0, style: frame)
        canvas.put("└" + String(repeating: "─", count: inner) + "┘", x: 0, y: height - 1, style: frame)
        for row in 1..<(height - 1) {
            canvas.put("│", x: 0, y: row, style: frame)
            canvas.put("│", x: width - 1, y: row, style: frame)
        }
        let clip = Rect(x: 1, y: 1, width: inner, height: height - 2)
        let lines: [(String, Style)] = [
            ("terminal-check ready", Style(attributes: .bold)),
            ("size: \(width)x\(height)", .plain),
            ("wide: 世界 こんにちは 🎉👍 end", Style(foreground: .rgb(255, 165, 0))),
            ("pid: \(ProcessInfo.processInfo.processIdentifier)", .plain),
            ("keys[\(keyCount)]: " + keys.map(\.description).joined(separator: " "), .plain),
            ("resizes: \(resizes) frames: \(frames + 1)", .plain),
            ("q quits", Style(foreground: .indexed(244))),
        ]
        for (row, (text, style)) in lines.enumerated() {
            canvas.put(text, x: 2, y: row + 1, style: style, clip: clip)
        }
        return canvas
    }
}

/// The error --throw-after-draw throws.
struct DeliberateError: Error, CustomStringConvertible {
    var description: String { "thrown on purpose after the first frame (--throw-after-draw)" }
}

/// Draws, then redraws on every batch of keys until `q`.
@MainActor
func check(on screen: Screen, _ options: Options) async throws {
    var state = CheckState()
    func draw() {
        let (width, height) = screen.size
        screen.present(state.canvas(width: width, height: height))
        state.frames += 1
    }
    draw()
    if options.crashAfterDraw {
        let missing = ProcessInfo.processInfo.environment["TERMINAL_CHECK_NEVER_SET"].flatMap { Int($0) }
        print(missing!)
    }
    if options.throwAfterDraw { throw DeliberateError() }
    for await batch in screen.input {
        for key in batch {
            if key == .character("q") { return }
            state.receive(key)
        }
        draw()
    }
}

@MainActor
func run(_ options: Options) async -> Int32 {
    if let path = options.cleanupFile {
        TerminalRestore.addCleanup {
            try? "cleanup ran\n".write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
    do {
        try await Screen.run { screen in try await check(on: screen, options) }
    } catch {
        FileHandle.standardError.write(Data("terminal-check: error: \(error)\n".utf8))
        return 1
    }
    print("terminal-check: done")
    return 0
}

exit(await run(Options(Array(CommandLine.arguments.dropFirst()))))
