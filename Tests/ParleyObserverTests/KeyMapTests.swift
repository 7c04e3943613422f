import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The key map")
struct KeyMapTests {
    @Test("r steps a round while watching but retries after a failure")
    func rDependsOnMode() {
        #expect(KeyMap.command(for: .character("r"), in: .normal) == .stepRound)
        #expect(KeyMap.command(for: .character("r"), in: .failurePrompt) == .retryTurn)
        #expect(KeyMap.command(for: .character("n"), in: .failurePrompt) == .stepTurn)
    }

    @Test("while composing, characters are typed, not commands")
    func composing() {
        #expect(KeyMap.command(for: .character("q"), in: .composing) == .compose(.insert("q")))
        #expect(KeyMap.command(for: .character(" "), in: .composing) == .compose(.insert(" ")))
        #expect(KeyMap.command(for: .enter, in: .composing) == .compose(.submit))
        #expect(KeyMap.command(for: .tab, in: .composing) == .compose(.complete))
        #expect(KeyMap.command(for: .escape, in: .composing) == .cancel)
    }

    @Test("the quit question takes y or n")
    func quitQuestion() {
        #expect(KeyMap.command(for: .character("y"), in: .confirmingQuit) == .confirmQuit)
        #expect(KeyMap.command(for: .character("n"), in: .confirmingQuit) == .cancel)
        #expect(KeyMap.command(for: .character("z"), in: .confirmingQuit) == nil)
    }

    @Test("the help scrolls with the arrows and pages; any other key closes it")
    func help() {
        #expect(KeyMap.command(for: .character("x"), in: .help) == .showHelp)
        #expect(KeyMap.command(for: .escape, in: .help) == .showHelp)
        #expect(KeyMap.command(for: .down, in: .help) == .scroll(.down))
        #expect(KeyMap.command(for: .pageUp, in: .help) == .scroll(.pageUp))
    }

    @Test("the mouse clicks and scrolls")
    func mouse() {
        let point = Point(x: 3, y: 4)
        #expect(KeyMap.command(for: .mouse(MouseEvent(kind: .press(button: 1), position: point)), in: .normal) == .click(point))
        #expect(KeyMap.command(for: .mouse(MouseEvent(kind: .wheelDown, position: point)), in: .composing) == .wheel(point, .down))
    }

    @Test("no key means two things in one mode")
    func noKeyBoundTwice() {
        for table in KeyMap.tables {
            var seen: Set<Key> = []
            for key in table.flatMap(\.keys) {
                #expect(!seen.contains(key), "\(key) is bound twice")
                seen.insert(key)
            }
        }
    }

    @Test("a replay's help leaves out only what a replay cannot do")
    func replayHelp() {
        let live = KeyMap.help.flatMap { $0.rows.flatMap(\.keys) }
        let replay = Set(KeyMap.help(isReplay: true).flatMap { $0.rows.flatMap(\.keys) })
        let left = Set(live).subtracting(replay)
        let normal = Set(KeyMap.normal.filter { !$0.command.needsLiveDebate }.flatMap(\.keys))
        #expect(normal.isSubset(of: replay))
        for key: Key in [.character("i"), .character("x"), .control("w"), .character("s")] {
            #expect(left.contains(key), "\(key) is still in a replay's help")
        }
        for key: Key in [.character("+"), .character("-"), .left, .right, .character("["), .character("]"), .home, .end] {
            #expect(replay.contains(key), "\(key) (speed, timeline) is not in a replay's help")
        }
    }

    @Test("an attached observer's help says q leaves the debate running; a read-only one's lists no key that steers")
    func attachedHelp() {
        var intake = Intake(isReplay: false, recordingPath: nil)
        intake.attachedTo = "127.0.0.1:7878/3f2a9c1e"
        let attached = KeyMap.help(for: intake).flatMap(\.rows)
        #expect(attached.contains { $0.keys.contains(.character("q")) && $0.summary.contains("the debate goes on on its server") })
        #expect(attached.contains { $0.keys.contains(.character("i")) })
        intake.isReadOnly = true
        // The keys of the sections while watching (elsewhere `n` goes to the next search match).
        let watching = Set(KeyMap.help(for: intake).filter { $0.mode == .normal }.flatMap { $0.rows.flatMap(\.keys) })
        for key: Key in [.character(" "), .character("n"), .character("i"), .character("x"), .character("e"), .character("+"), .character("f")] {
            #expect(!watching.contains(key), "\(key) steers, yet is in a read-only observer's help")
        }
        for key: Key in [.character("q"), .left, .tab, .character("?")] {
            #expect(watching.contains(key), "\(key) is missing from a read-only observer's help")
        }
    }

    @Test("every key in the help does what its line says, in its mode")
    func helpTellsTheTruth() {
        for section in KeyMap.help {
            for binding in section.bindings {
                for key in binding.keys {
                    #expect(KeyMap.command(for: key, in: section.mode) == binding.command, "\(key) in \(section.mode)")
                }
            }
        }
    }

    @Test("the help lists every bound key")
    func helpListsEveryKey() {
        let listed = Set(KeyMap.help.flatMap { $0.rows.flatMap(\.keys) })
        for table in KeyMap.tables {
            for binding in table {
                for key in binding.keys {
                    #expect(listed.contains(key), "\(key) (\(binding.command)) is missing from the help")
                }
            }
        }
    }
}
