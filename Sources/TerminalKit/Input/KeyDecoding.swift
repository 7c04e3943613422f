import CNcursesw

/// Turns what curses' `wget_wch` reads into ``Key``s. Pure: a function of the result code and the
/// value, so it is tested without a terminal.
public enum KeyDecoding {
    /// What one `wget_wch` result stands for.
    public enum Decoded: Sendable, Hashable {
        /// A key.
        case key(Key)
        /// A mouse event is waiting: read it with `getmouse` and decode it with
        /// ``mouse(state:x:y:)``.
        case mouse
        /// Nothing the program handles (an unknown key code, a C1 control).
        case ignored
    }

    /// Decodes one `wget_wch` result.
    /// - Parameters:
    ///   - status: `OK` for a character, `KEY_CODE_YES` for a key code.
    ///   - value: the character or key code.
    public static func decode(status: Int32, value: UInt32) -> Decoded {
        switch status {
        case OK: character(value)
        case KEY_CODE_YES: keyCode(Int32(bitPattern: value))
        default: .ignored
        }
    }

    /// Decodes a mouse event from its curses button state and cell: button presses and releases,
    /// and the wheel (buttons 4 and 5). Nil for anything else (a wheel release, a move).
    public static func mouse(state: mmask_t, x: Int32, y: Int32) -> Key? {
        let position = Point(x: Int(x), y: Int(y))
        if state & parley_button_pressed(4) != 0 { return .mouse(MouseEvent(kind: .wheelUp, position: position)) }
        if state & parley_button_pressed(5) != 0 { return .mouse(MouseEvent(kind: .wheelDown, position: position)) }
        for button in 1...3 {
            if state & parley_button_pressed(Int32(button)) != 0 {
                return .mouse(MouseEvent(kind: .press(button: button), position: position))
            }
            if state & parley_button_released(Int32(button)) != 0 {
                return .mouse(MouseEvent(kind: .release(button: button), position: position))
            }
        }
        return nil
    }

    private static func character(_ value: UInt32) -> Decoded {
        switch value {
        case 0x0A, 0x0D: return .key(.enter)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x1B: return .key(.escape)
        case 0x09: return .key(.tab)
        case 0x00: return .key(.control(" "))
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(UInt8(0x60 + value)))))
        case 0x1C...0x1F: return .key(.control(Character(Unicode.Scalar(UInt8(0x40 + value)))))
        case 0x80...0x9F: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    private static func keyCode(_ code: Int32) -> Decoded {
        switch code {
        case KEY_UP, KEY_SR: .key(.up)
        case KEY_DOWN, KEY_SF: .key(.down)
        case KEY_LEFT, KEY_SLEFT: .key(.left)
        case KEY_RIGHT, KEY_SRIGHT: .key(.right)
        case KEY_HOME, KEY_SHOME, KEY_A1, KEY_BEG, KEY_FIND: .key(.home)
        case KEY_END, KEY_SEND, KEY_C1, KEY_LL, KEY_SELECT: .key(.end)
        case KEY_PPAGE, KEY_SPREVIOUS, KEY_A3: .key(.pageUp)
        case KEY_NPAGE, KEY_SNEXT, KEY_C3: .key(.pageDown)
        case KEY_IC, KEY_SIC: .key(.insert)
        case KEY_DC, KEY_SDC: .key(.delete)
        case KEY_BTAB: .key(.backTab)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_RESIZE: .key(.resize)
        case KEY_MOUSE: .mouse
        case (KEY_F0 + 1)...(KEY_F0 + 63): .key(.function(Int(code - KEY_F0)))
        default: .ignored
        }
    }
}
