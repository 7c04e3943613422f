import Foundation
import TerminalKit

// terminal-check: a small real program over Screen, for end-to-end tests in a terminal.
//
//   terminal-check [--crash-after-draw | --crash-in-two-threads | --throw-after-draw | --hang-after-draw]
//                  [--cleanup-file PATH] [--crash-file PATH] [--wait-after-stop]
//
// It draws a frame with the terminal size, a line of CJK and emoji, its pid and the keys it
// received (decoded), redraws at the new size on a resize, and quits on `q` or a second Ctrl-C,
// printing "terminal-check: done" once the terminal is restored.
//
// --crash-after-draw force-unwraps nil right after the first frame; --crash-in-two-threads has two
// threads crash, the second while the first one's crash handler is at work (TwoThreadCrash.swift); --throw-after-draw throws an
// error out of Screen.run instead (reported as "terminal-check: error: ..." once the terminal is
// restored); --hang-after-draw blocks the main actor for good after the first frame, as a hung
// program would. --cleanup-file registers a cleanup hook that writes "cleanup ran" to PATH when a
// signal stops the program. --crash-file writes "recorded\n" to PATH and registers the file with
// TerminalRestore.addCrashFile, as a recording is. --wait-after-stop, once the screen has stopped
// and "terminal-check: done" is printed, waits for a signal instead of exiting.

struct Options {
    var crashAfterDraw = false
    var crashInTwoThreads = false
    var throwAfterDraw = false
    var hangAfterDraw = false
    var cleanupFile: String?
    var crashFile: String?
    var waitAfterStop = false

    init(_ arguments: [String]) {
        var rest = arguments.makeIterator()
        while let argument = rest.next() {
            switch argument {
            case "--crash-after-draw": crashAfterDraw = true
            case "--crash-in-two-threads": crashInTwoThreads = true
            case "--throw-after-draw": throwAfterDraw = true
            case "--hang-after-draw": hangAfterDraw = true
            case "--cleanup-file": cleanupFile = rest.next()
            case "--crash-file": crashFile = rest.next()
            case "--wait-after-stop": waitAfterStop = true
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
    var interrupts = 0
    var frames = 0

    /// Takes a key; false when it quits (`q`, or the second Ctrl-C).
    mutating func receive(_ key: Key) -> Bool {
        if key == .character("q") { return false }
        keyCount += 1
        keys.append(key)
        if keys.count > 8 { keys.removeFirst(keys.count - 8) }
        if key == .resize { resizes += 1 }
        if key == .control("c") { interrupts += 1 }
        return interrupts < 2
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
            ("q or a second ctrl-c quits", Style(foreground: .indexed(244))),
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
    if options.crashInTwoThreads { TwoThreadCrash.start() }
    if options.throwAfterDraw { throw DeliberateError() }
    if options.hangAfterDraw { waitForSignals() }
    for await batch in screen.input {
        for key in batch where !state.receive(key) { return }
        draw()
    }
}

/// Blocks the calling thread for good; the signal handlers still run (and end the program).
func waitForSignals() -> Never {
    while true { pause() }
}

/// Opens `path` for writing, writes a line and registers it as a crash file; exits on failure.
func openCrashFile(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
    let line = Array("recorded\n".utf8)
    guard fd >= 0, write(fd, line, line.count) == line.count, TerminalRestore.addCrashFile(fd) else {
        FileHandle.standardError.write(Data("terminal-check: cannot set up the crash file \(path)\n".utf8))
        exit(2)
    }
}

@MainActor
func run(_ options: Options) async -> Int32 {
    if let path = options.cleanupFile {
        TerminalRestore.addCleanup {
            try? "cleanup ran\n".write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
    if let path = options.crashFile { openCrashFile(path) }
    do {
        try await Screen.run { screen in try await check(on: screen, options) }
    } catch {
        FileHandle.standardError.write(Data("terminal-check: error: \(error)\n".utf8))
        return 1
    }
    guard options.waitAfterStop else {
        print("terminal-check: done")
        return 0
    }
    FileHandle.standardOutput.write(Data("terminal-check: done\n".utf8))
    waitForSignals()
}

// The locale is set before any thread starts (setlocale is not thread-safe).
TextWidth.prepare()
exit(await run(Options(Array(CommandLine.arguments.dropFirst()))))
