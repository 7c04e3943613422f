import CNcursesw
import Testing
@testable import TerminalKit

@Suite("Key decoding")
struct KeyDecodingTests {
    private func code(_ keyCode: Int32) -> KeyDecoding.Decoded {
        KeyDecoding.decode(status: KEY_CODE_YES, value: UInt32(bitPattern: keyCode))
    }

    private func character(_ value: UInt32) -> KeyDecoding.Decoded {
        KeyDecoding.decode(status: OK, value: value)
    }

    @Test("arrows, Home/End, PgUp/PgDn, Insert/Delete and their shifted forms")
    func navigation() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_SR, .up), (KEY_SF, .down), (KEY_SLEFT, .left), (KEY_SRIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_SHOME, .home), (KEY_SEND, .end),
            (KEY_A1, .home), (KEY_C1, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_IC, .insert), (KEY_DC, .delete), (KEY_SDC, .delete),
            (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_RESIZE, .resize),
        ]
        for (keyCode, key) in expected { #expect(code(keyCode) == .key(key), "key code \(keyCode)") }
    }

    @Test("F1 to F12 (and beyond) are function keys")
    func functionKeys() {
        for number in 1...12 { #expect(code(KEY_F0 + Int32(number)) == .key(.function(number))) }
        #expect(code(KEY_F0 + 24) == .key(.function(24)))
        #expect(code(KEY_F0) == .ignored)
    }

    @Test("Enter, Backspace, Esc and Tab in all their forms")
    func editingKeys() {
        #expect(character(13) == .key(.enter))
        #expect(character(10) == .key(.enter))
        #expect(character(127) == .key(.backspace))
        #expect(character(8) == .key(.backspace))
        #expect(character(27) == .key(.escape))
        #expect(character(9) == .key(.tab))
    }

    @Test("control characters are Ctrl with their letter")
    func controlKeys() {
        #expect(character(1) == .key(.control("a")))
        #expect(character(3) == .key(.control("c")))
        #expect(character(19) == .key(.control("s")))
        #expect(character(26) == .key(.control("z")))
        #expect(character(0) == .key(.control(" ")))
        #expect(character(0x1C) == .key(.control("\\")))
        #expect(character(0x1F) == .key(.control("_")))
    }

    @Test("printable characters, wide ones included; C1 controls and bad scalars are ignored")
    func characters() {
        #expect(character(UInt32(UInt8(ascii: "q"))) == .key(.character("q")))
        #expect(character(UInt32(UInt8(ascii: "Q"))) == .key(.character("Q")))
        #expect(character(0x4E16) == .key(.character("世")))
        #expect(character(0x1F389) == .key(.character("🎉")))
        #expect(character(0x9B) == .ignored)
        #expect(character(0xD800) == .ignored)
    }

    @Test("a mouse key code asks for the mouse event; unknown codes and ERR are ignored")
    func mouseAndUnknown() {
        #expect(code(KEY_MOUSE) == .mouse)
        #expect(code(KEY_F0 + 64) == .ignored)
        #expect(KeyDecoding.decode(status: ERR, value: 0) == .ignored)
    }

    @Test("mouse presses, releases and the wheel are decoded at their cell")
    func mouse() {
        let at = Point(x: 7, y: 3)
        #expect(KeyDecoding.mouse(state: parley_button_pressed(1), x: 7, y: 3) == .mouse(MouseEvent(kind: .press(button: 1), position: at)))
        #expect(KeyDecoding.mouse(state: parley_button_released(1), x: 7, y: 3) == .mouse(MouseEvent(kind: .release(button: 1), position: at)))
        #expect(KeyDecoding.mouse(state: parley_button_pressed(3), x: 7, y: 3) == .mouse(MouseEvent(kind: .press(button: 3), position: at)))
        #expect(KeyDecoding.mouse(state: parley_button_pressed(4), x: 7, y: 3) == .mouse(MouseEvent(kind: .wheelUp, position: at)))
        #expect(KeyDecoding.mouse(state: parley_button_pressed(5), x: 7, y: 3) == .mouse(MouseEvent(kind: .wheelDown, position: at)))
        #expect(KeyDecoding.mouse(state: parley_button_released(4), x: 7, y: 3) == nil, "a wheel release")
        #expect(KeyDecoding.mouse(state: 0, x: 7, y: 3) == nil)
    }

    @Test("several resizes read at once become one")
    func mergingResizes() {
        #expect(KeyBatch.mergingResizes([.resize, .character("a"), .resize, .resize]) == [.resize, .character("a")])
        #expect(KeyBatch.mergingResizes([.up, .down]) == [.up, .down])
    }

    @Test("keys describe themselves for key maps and status lines")
    func descriptions() {
        #expect(Key.control("c").description == "ctrl-c")
        #expect(Key.function(5).description == "f5")
        #expect(Key.character(" ").description == "space")
        #expect(Key.mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 3, y: 4))).description == "press1@3,4")
    }
}
