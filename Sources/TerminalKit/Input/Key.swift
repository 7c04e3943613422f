/// A key press or a mouse action, decoded from the terminal.
public enum Key: Sendable, Hashable {
    /// A printable character (with Shift already applied).
    case character(Character)
    /// A character typed with Ctrl held, as its lowercase letter: Ctrl-C is `.control("c")`.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right
    case home, end, pageUp, pageDown, insert
    /// A function key, F1 is `.function(1)`.
    case function(Int)
    /// A mouse action at a cell.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize
    /// SIGTERM or SIGHUP asked the program to end (only after
    /// ``Screen/stopSignalsAreKeys()``): stop cleanly, now.
    case stopSignal(Int32)
}

/// A mouse action at a cell.
public struct MouseEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        case press(button: Int)
        case release(button: Int)
        case wheelUp
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// Where.
    public var position: Point

    /// Makes a mouse event.
    public init(kind: Kind, position: Point) {
        self.kind = kind
        self.position = position
    }
}
