extension Key: CustomStringConvertible {
    /// A short name for the key, as a key map or a status line shows it: `a`, `ctrl-c`, `enter`,
    /// `f5`, `shift-tab`, `click@3,4`.
    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let character): "ctrl-\(character)"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pageup"
        case .pageDown: "pagedown"
        case .insert: "insert"
        case .function(let number): "f\(number)"
        case .resize: "resize"
        case .stopSignal(let signal): "signal\(signal)"
        case .mouse(let event): event.description
        }
    }
}

extension MouseEvent: CustomStringConvertible {
    /// `press1@x,y`, `release1@x,y`, `wheelup@x,y`, `wheeldown@x,y`.
    public var description: String {
        let at = "@\(position.x),\(position.y)"
        switch kind {
        case .press(let button): return "press\(button)\(at)"
        case .release(let button): return "release\(button)\(at)"
        case .wheelUp: return "wheelup\(at)"
        case .wheelDown: return "wheeldown\(at)"
        }
    }
}
