import ParleyCore
import TerminalKit

extension ObserverState {
    /// Carries out a command of the person watching.
    /// - Returns: what the app loop must do: commands to send to the debate, quitting, a theme.
    public mutating func apply(_ command: ObserverCommand) -> [ObserverEffect] {
        if case .resize = command {} else { debate.notice = nil }
        if intake.isReadOnly && command.steers {
            debate.notice = Notice(text: "This observer only watches (read-only): it cannot steer the debate.", tone: .info)
            return []
        }
        switch command {
        case .togglePause:
            guard checkRunning(), checkUnderWay() else { return [] }
            if debate.pace.mode == .live {
                debate.pace.mode = .paused
                if debate.isPausingAfterTurn {
                    debate.notice = Notice(text: "Pausing after this turn: the peer speaking finishes first.", tone: .info)
                }
                return [.send(.pause)]
            }
            debate.pace.mode = .live
            return [.send(.resume)]
        case .stepTurn, .stepRound:
            guard checkRunning(), checkUnderWay() else { return [] }
            debate.pace.mode = .step
            return [.send(command == .stepTurn ? .stepTurn : .stepRound)]
        case .cancelTurn:
            guard checkRunning() else { return [] }
            return cancelTurn()
        case .confirmCancelTurn:
            return confirmCancelTurn()
        case .retryTurn, .skipTurn:
            guard debate.failure != nil else { return [] }
            debate.failure = nil
            return [.send(command == .retryTurn ? .retryTurn : .skipTurn)]
        case .startCompose:
            guard checkRunning() else { return [] }
            guard !intake.isReplay else { return replayNotice("A replay cannot be written to") }
            view.composer.open()
            return []
        case .compose(let edit):
            return compose(edit)
        case .startSearch: startSearch()
        case .search(let edit): search(edit)
        case .cancel:
            return cancel()
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: -1)
        case .focus(let pane): focus(pane)
        case .scroll(let move):
            if view.showsHelp {
                scrollHelp(move)
            } else if inspector != nil {
                scrollInspector(move)
            } else {
                scroll(view.focus, move)
            }
        case .toggleZoom: view.isZoomed.toggle()
        case .toggleGraphView:
            view.sideView = nextSideView
            view.scrolls[.side] = nil
        case .toggleReasoning: toggleReasoning()
        case .nextTheme:
            view.themeIndex = (view.themeIndex + 1) % max(1, view.themeCount)
            let name = view.themeNames.indices.contains(view.themeIndex) ? "\(view.themeNames[view.themeIndex]) " : ""
            debate.notice = fading("Theme \(name)(\(view.themeIndex + 1) of \(view.themeCount)).")
            return [.useTheme(view.themeIndex)]
        case .faster, .slower:
            if intake.isReplay { return changeSpeed(faster: command == .faster) }
            return changeDelay(faster: command == .faster)
        case .timeline(let move): self.move(move)
        case .fork:
            return fork(at: forkTurn)
        case .select(let move): select(move)
        case .inspect: inspect()
        case .compareWithParent:
            return compareWithParent()
        case .requestQuit:
            if debate.finish != nil { return [.quit] }
            // Nothing is lost by leaving a concluded debate (it ends as it stands), a replay, a debate
            // that has not begun, or a served debate (it goes on without this observer): no question.
            if debate.isConcluded || debate.info == nil || intake.isReplay || intake.attachedTo != nil { return [.send(.stop), .quit] }
            view.isConfirmingQuit = true
        case .confirmQuit:
            view.isConfirmingQuit = false
            return debate.finish == nil ? [.send(.stop), .quit] : [.quit]
        case .showHelp:
            view.showsHelp.toggle()
            view.helpScroll = 0
        case .click(let point):
            if let pane = layout.pane(at: point) { focus(pane) }
        case .wheel(_, let direction) where view.showsHelp:
            scrollHelp(.lines(direction == .up ? -3 : 3))
        case .wheel(_, let direction) where inspector != nil:
            scrollInspector(.lines(direction == .up ? -3 : 3))
        case .wheel(let point, let direction):
            if let pane = layout.pane(at: point) { scroll(pane, .lines(direction == .up ? -3 : 3)) }
        case .addRound:
            guard !intake.isReplay else { return replayNotice("A replay cannot be extended") }
            guard checkRunning() else { return [] }
            return [.send(.addRound)]
        case .resize(let columns, let rows):
            view.columns = max(0, columns)
            view.rows = max(0, rows)
        }
        return []
    }

    /// Whether the debate runs; if not, says so on the prompt line.
    private mutating func checkRunning() -> Bool {
        if debate.finish != nil {
            debate.notice = Notice(text: "The debate has ended: q quits, the panes still scroll.", tone: .info)
            return false
        }
        if debate.info == nil {
            debate.notice = Notice(text: "The debate has not started yet.", tone: .info)
            return false
        }
        return true
    }

    /// Whether rounds are under way (the debate has not concluded); if not, says what can be done.
    private mutating func checkUnderWay() -> Bool {
        guard debate.isConcluded else { return true }
        let add = intake.isReplay ? "" : "e adds a round, "
        debate.notice = Notice(text: "The debate's rounds are done: \(add)q quits.", tone: .info)
        return false
    }

    /// The turn `f` forks at (said anew by the fork): the turn looked back at on the timeline;
    /// following the debate, the turn being said, or the last one said.
    public var forkTurn: MessageID? { shown.latestTurn }

    /// Leaves this debate for a fork of it before the turn of `message`: the debate stops, and
    /// the program starts the fork. Says why not when it cannot.
    mutating func fork(at message: MessageID?) -> [ObserverEffect] {
        guard intake.forks else {
            let how = intake.isReplay ? "parley fork LOG --at N" : "parley fork on its recording"
            debate.notice = Notice(text: "This debate cannot be forked here; use \(how).", tone: .info)
            return []
        }
        guard let message else {
            debate.notice = Notice(text: "No turn to fork at yet: step one with n.", tone: .info)
            return []
        }
        return debate.finish == nil ? [.send(.stop), .fork(message)] : [.fork(message)]
    }

    /// Says on the prompt line what a replay cannot do, and what it can.
    private mutating func replayNotice(_ cannot: String) -> [ObserverEffect] {
        debate.notice = Notice(text: "\(cannot); space pauses, n and r step.", tone: .info)
        return []
    }

    /// An edit of the composer; Enter sends the line to the peers it mentions anywhere (to
    /// everyone when it mentions none), or, when an `@` names no peer, refuses it and keeps it.
    private mutating func compose(_ edit: ComposerEdit) -> [ObserverEffect] {
        if edit == .submit, let refusal = Composer.refusal(of: view.composer.text, peers: debate.peerIDs) {
            view.composer.refusal = refusal
            return []
        }
        guard let line = view.composer.apply(edit, peers: debate.peerIDs) else { return [] }
        guard checkRunning() else { return [] }
        let reading = Mentions.addressing(ofTyped: line, known: Set(debate.peerIDs))
        guard !reading.text.isEmpty else {
            debate.notice = Notice(text: "Nothing was sent: write a message after the @ids.", tone: .warning)
            return []
        }
        return [.send(.inject(text: reading.text, to: reading.address))]
    }

    /// Esc: closes what is open (question, help, inspector, composer, choice, search, zoom), innermost first. With nothing
    /// open it does nothing: a turn is cancelled with x only.
    private mutating func cancel() -> [ObserverEffect] {
        if view.isConfirmingQuit {
            view.isConfirmingQuit = false
        } else if view.cancelling != nil {
            view.cancelling = nil
        } else if view.showsHelp {
            view.showsHelp = false
        } else if inspector != nil {
            inspector = nil
        } else if view.composer.isOpen {
            view.composer.close()
        } else if view.search?.isTyping != true, view.selection != nil {
            view.selection = nil
        } else if view.search?.isTyping == true || (view.search != nil && view.search?.pane == view.focus) {
            view.search = nil
        } else if view.isZoomed {
            view.isZoomed = false
        }
        return []
    }

    /// x: cancels the turn being written; when a real model (not a scripted persona) writes
    /// it, asks first, as its reply costs time and tokens to get again.
    private mutating func cancelTurn() -> [ObserverEffect] {
        if intake.isReplay { return replayNotice("A replay's turns cannot be cancelled") }
        guard let speaker = debate.speakers.first else {
            debate.notice = Notice(text: "No turn is being written.", tone: .info)
            return []
        }
        if speaker.agent.model != "scripted" {
            view.cancelling = speaker.id
            return []
        }
        return [.send(.cancelTurn)]
    }

    /// y after x: cancels the turn asked about, if it is still being written.
    private mutating func confirmCancelTurn() -> [ObserverEffect] {
        guard let id = view.cancelling else { return [] }
        view.cancelling = nil
        guard debate.isRunning, debate.speakers.contains(where: { $0.id == id }) else {
            let name = debate.pane(id)?.agent.name ?? id.rawValue
            debate.notice = Notice(text: "\(name)'s turn ended before it was cancelled.", tone: .info)
            return []
        }
        return [.send(.cancelTurn)]
    }

    /// v: shows or hides the thinking, and says which; with no reasoning to show yet, says so
    /// and changes nothing.
    private mutating func toggleReasoning() {
        guard debate.hasReasoning else {
            debate.notice = fading("No reasoning to show: no agent has produced any.")
            return
        }
        view.showsReasoning.toggle()
        debate.notice = fading(view.showsReasoning ? "Thinking shown." : "Thinking hidden.")
    }

    /// A notice that confirms a key and fades after ``noticeLife`` seconds.
    func fading(_ text: String) -> Notice {
        Notice(text: text, tone: .info, fadesAt: view.now + Self.noticeLife)
    }

    /// Scrolls the help overlay, within the lines it has at the screen's size.
    private mutating func scrollHelp(_ move: ScrollMove) {
        let screen = Rect(x: 0, y: 0, width: view.columns, height: max(0, view.rows - 1))
        guard let page = HelpOverlayView.page(in: screen, intake: intake) else { return }
        var scroll = PaneScroll(intent: .line(min(view.helpScroll, page.lastTop)))
        scroll.ask(move)
        view.helpScroll = scroll.firstLine(lineCount: page.lineCount, rows: page.rows)
    }

    private mutating func moveFocus(by step: Int) {
        let panes = Layout(columns: view.columns, rows: view.rows, peers: debate.peerIDs).panes
        guard !panes.isEmpty else { return }
        let current = panes.firstIndex(of: view.focus) ?? (step > 0 ? -1 : 0)
        focus(panes[((current + step) % panes.count + panes.count) % panes.count])
    }

    /// Focuses `pane`; a message chosen in another pane is let go.
    private mutating func focus(_ pane: PaneID) {
        view.focus = pane
        if view.selection?.pane != pane { view.selection = nil }
    }

    /// `+` and `-`: the next step of ``delays`` down or up. `-` leaves a delay at or above the
    /// longest step (a long `--delay`) as it is; `+` brings it down to the step below it.
    private mutating func changeDelay(faster: Bool) -> [ObserverEffect] {
        guard checkRunning() else { return [] }
        let delays = Self.delays
        let next = faster ? delays.last { $0 < debate.pace.delay } : delays.first { $0 > debate.pace.delay }
        guard let next else {
            let longest = Seconds.describe(delays[delays.count - 1])
            let text = if faster {
                "No delay between turns already."
            } else if debate.pace.delay > delays[delays.count - 1] {
                "The delay is \(Seconds.describe(debate.pace.delay)) already, longer than - goes (\(longest))."
            } else {
                "The longest delay is \(longest)."
            }
            debate.notice = Notice(text: text, tone: .info)
            return []
        }
        debate.pace.delay = next
        return [.send(.setDelay(next))]
    }

    /// Asks for a scroll of `pane`, carried out where the pane is drawn; a pane not shown, or
    /// one that does not scroll (the graph), stays as it is.
    private mutating func scroll(_ pane: PaneID, _ move: ScrollMove) {
        guard layout.rect(of: pane) != nil, pane != .side || view.sideView == .blackboard else { return }
        view.scrolls[pane, default: PaneScroll()].ask(move)
        if view.scrolls[pane]?.follows == true { view.scrolls[pane] = nil }
    }
}
