import CNcursesw

/// Writing frames through curses: colour pairs, glyphs, the sequence that leaves curses mode.
extension Screen {
    /// `canvas` cut or padded to the screen's size.
    static func fitted(_ canvas: Canvas, width: Int, height: Int) -> Canvas {
        if canvas.width == width && canvas.height == height { return canvas }
        var frame = Canvas(width: width, height: height)
        frame.draw(canvas, at: Point(x: 0, y: 0))
        return frame
    }

    /// Gives every style in `runs` a colour pair: its own while there are pairs left, else the
    /// nearest one given out.
    func allocatePairs(for runs: [FrameRun]) {
        guard colorDepth != .none else { return }
        for run in runs {
            for cell in run.cells where stylePairs[cell.style] == nil {
                let pair = colors.pair(for: cell.style)
                switch colors.allocate(pair) {
                case .existing(let number), .substitute(let number):
                    stylePairs[cell.style] = number
                case .new(let number):
                    init_extended_pair(number, pair.foreground, pair.background)
                    stylePairs[cell.style] = number
                }
            }
        }
    }

    /// Forgets every colour pair, in curses too.
    func resetPairs() {
        reset_color_pairs()
        colors.reset()
        stylePairs.removeAll(keepingCapacity: true)
    }

    func write(_ run: FrameRun, of frame: Canvas, in window: UnsafeMutablePointer<WINDOW>) {
        var characters: [wchar_t] = []
        for (offset, cell) in run.cells.enumerated() {
            let column = run.column + offset
            let isWide = column + 1 < frame.width && frame[column + 1, run.row].isContinuation
            var glyph: TerminalGlyph
            if cell.isContinuation {
                // The right half of a wide character is written with it, unless its left half is
                // not a wide character after all (a canvas edited cell by cell): then a blank.
                if column > 0, TextWidth.columns(frame[column - 1, run.row].character) == 2 { continue }
                glyph = .blank
            } else {
                glyph = TerminalGlyph.make(cell.character)
                let canvasColumns = TextWidth.columns(cell.character)
                if canvasColumns == 2 && !isWide { glyph = .blank }  // a broken wide character
                if canvasColumns != 2 && glyph.columns == 2 { glyph = .replacement }
            }
            characters.removeAll(keepingCapacity: true)
            for scalar in glyph.scalars { characters.append(wchar_t(bitPattern: scalar.value)) }
            characters.append(0)
            let attributes = parley_attributes(UInt32(cell.style.attributes.rawValue))
            let pair = stylePairs[cell.style] ?? 0
            _ = parley_put_cell(window, Int32(run.row), Int32(column), characters, attributes, pair)
            if glyph.columns == 1 && isWide {
                // curses thinks the character narrow: blank the second column ourselves.
                characters = [wchar_t(0x20), 0]
                _ = parley_put_cell(window, Int32(run.row), Int32(column + 1), characters, attributes, pair)
            }
        }
    }

    func startColors() {
        guard has_colors() else { return }
        // COLORS is only set by start_color, which NO_COLOR must prevent: ask terminfo.
        let terminalDepth = ColorDepth.detect(
            colors: Int(parley_tigetnum("colors")), hasRGB: parley_tigetflag("RGB") != 0, environment: environment)
        guard terminalDepth != .none else { return }
        start_color()
        let hasDefaultColors = use_default_colors() == OK
        colorDepth = terminalDepth.limited(toCursesColors: Int(parley_colors()))
        colors = CursesColors(depth: colorDepth, hasDefaultColors: hasDefaultColors, pairCount: Int(parley_color_pairs()))
    }

    /// What gives the terminal back if the program dies in curses mode: mouse reporting off,
    /// attributes reset, cursor shown, keypad mode and the alternate screen left, from the
    /// terminfo entry loaded now.
    static func leaveSequence() -> [UInt8] {
        func capability(_ name: String, fallback: String) -> [UInt8] {
            guard let value = parley_tigetstr(name) else { return Array(fallback.utf8) }
            return TerminfoString.withoutPadding(Array(String(cString: value).utf8))
        }
        return Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
            + capability("sgr0", fallback: "\u{1B}[0m")
            + capability("cnorm", fallback: "\u{1B}[?25h")
            + capability("rmkx", fallback: "")
            + capability("rmcup", fallback: "\u{1B}[?1049l")
    }
}
