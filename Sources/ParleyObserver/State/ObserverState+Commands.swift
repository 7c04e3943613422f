import ParleyCore
import TerminalKit

extension ObserverState {
    /// Carries out a command of the person watching.
    /// - Returns: what the app loop must do: commands to send to the debate, quitting, a theme.
    public mutating func apply(_ command: ObserverCommand) -> [ObserverEffect] {
        if case .resize = command {} else { notice = nil }
        switch command {
        case .togglePause:
            guard checkRunning() else { return [] }
            if pace.mode == .live {
                pace.mode = .paused
                return [.send(.pause)]
            }
            pace.mode = .live
            return [.send(.resume)]
        case .stepTurn, .stepRound:
            guard checkRunning() else { return [] }
            pace.mode = .step
            return [.send(command == .stepTurn ? .stepTurn : .stepRound)]
        case .cancelTurn:
            guard checkRunning() else { return [] }
            return cancelTurn(saysWhy: true)
        case .retryTurn, .skipTurn:
            guard failure != nil else { return [] }
            failure = nil
            return [.send(command == .retryTurn ? .retryTurn : .skipTurn)]
        case .startCompose:
            guard checkRunning() else { return [] }
            guard !isReplay else { return replayNotice("A replay cannot be written to") }
            composer.open()
            return []
        case .compose(let edit):
            return compose(edit)
        case .cancel:
            return cancel()
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: -1)
        case .focus(let pane): focus = pane
        case .scroll(let move): scroll(focus, move)
        case .toggleZoom: isZoomed.toggle()
        case .toggleGraphView:
            sideView = sideView == .graph ? .blackboard : .graph
            scrollTops[.side] = nil
        case .toggleReasoning: showsReasoning.toggle()
        case .nextTheme:
            themeIndex = (themeIndex + 1) % max(1, themeCount)
            return [.useTheme(themeIndex)]
        case .faster, .slower:
            return changeDelay(faster: command == .faster)
        case .requestQuit:
            if finish != nil { return [.quit] }
            // Nothing is lost by leaving a replay or a debate that has not begun: no question.
            if info == nil || isReplay { return [.send(.stop), .quit] }
            isConfirmingQuit = true
        case .confirmQuit:
            isConfirmingQuit = false
            return finish == nil ? [.send(.stop), .quit] : [.quit]
        case .showHelp: showsHelp.toggle()
        case .click(let point):
            if let pane = layout.pane(at: point) { focus = pane }
        case .wheel(let point, let direction):
            if let pane = layout.pane(at: point) { scroll(pane, .lines(direction == .up ? -3 : 3)) }
        case .resize(let columns, let rows):
            self.columns = max(0, columns)
            self.rows = max(0, rows)
        }
        return []
    }

    /// Whether the debate runs; if not, says so on the prompt line.
    private mutating func checkRunning() -> Bool {
        if finish != nil {
            notice = Notice(text: "The debate has ended: q quits, the panes still scroll.", tone: .info)
            return false
        }
        if info == nil {
            notice = Notice(text: "The debate has not started yet.", tone: .info)
            return false
        }
        return true
    }

    /// Says on the prompt line what a replay cannot do, and what it can.
    private mutating func replayNotice(_ cannot: String) -> [ObserverEffect] {
        notice = Notice(text: "\(cannot); space pauses, n and r step.", tone: .info)
        return []
    }

    private mutating func compose(_ edit: ComposerEdit) -> [ObserverEffect] {
        guard let line = composer.apply(edit, peers: peerIDs) else { return [] }
        guard checkRunning() else { return [] }
        let (address, text) = Mentions.address(of: line, known: Set(peerIDs))
        guard !text.trimmingWhitespace().isEmpty else {
            notice = Notice(text: "Nothing was sent: write a message after the @ids.", tone: .warning)
            return []
        }
        return [.send(.inject(text: text, to: address))]
    }

    /// Esc: closes what is open (question, help, composer, zoom), innermost first; with
    /// nothing open, cancels the turn being written, if one is.
    private mutating func cancel() -> [ObserverEffect] {
        if isConfirmingQuit {
            isConfirmingQuit = false
        } else if showsHelp {
            showsHelp = false
        } else if composer.isOpen {
            composer.close()
        } else if isZoomed {
            isZoomed = false
        } else if isRunning {
            return cancelTurn(saysWhy: false)
        }
        return []
    }

    /// x, or Esc with nothing open: cancels the turn being written. `saysWhy`: with a notice
    /// when there is none to cancel.
    private mutating func cancelTurn(saysWhy: Bool) -> [ObserverEffect] {
        guard isTurnBeingWritten || saysWhy else { return [] }
        if isReplay { return replayNotice("A replay's turns cannot be cancelled") }
        guard isTurnBeingWritten else {
            notice = Notice(text: "No turn is being written.", tone: .info)
            return []
        }
        return [.send(.cancelTurn)]
    }

    private mutating func moveFocus(by step: Int) {
        let panes = Layout(columns: columns, rows: rows, peers: peerIDs).panes
        guard !panes.isEmpty else { return }
        let current = panes.firstIndex(of: focus) ?? (step > 0 ? -1 : 0)
        focus = panes[((current + step) % panes.count + panes.count) % panes.count]
    }

    /// `+` and `-`: the next step of ``delays`` down or up. `-` leaves a delay at or above the
    /// longest step (a long `--delay`) as it is; `+` brings it down to the step below it.
    private mutating func changeDelay(faster: Bool) -> [ObserverEffect] {
        guard checkRunning() else { return [] }
        guard !isReplay else { return replayNotice("A replay has no speed to change (--speed sets it)") }
        let delays = Self.delays
        let next = faster ? delays.last { $0 < pace.delay } : delays.first { $0 > pace.delay }
        guard let next else {
            let longest = Seconds.describe(delays[delays.count - 1])
            let text = if faster {
                "No delay between turns already."
            } else if pace.delay > delays[delays.count - 1] {
                "The delay is \(Seconds.describe(pace.delay)) already, longer than - goes (\(longest))."
            } else {
                "The longest delay is \(longest)."
            }
            notice = Notice(text: text, tone: .info)
            return []
        }
        pace.delay = next
        return [.send(.setDelay(next))]
    }
}
