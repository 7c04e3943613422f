import ParleyCore
import TerminalKit
import Testing
@testable import ParleyObserver

@Suite("The status bar")
struct StatusBarTests {
    @Test("a recording that could not be written is shown as failed, never as ● rec")
    func failedRecording() {
        var debate = DebateBuilder.threePeerDebate()
        debate.add(.guardTripped(GuardTrip(kind: .recording, detail: "/dev/full: No space left on device", stops: false)))
        var state = ObserverState(columns: 120, rows: 30, recordingPath: "/dev/full")
        for event in debate.events { state.apply(event) }
        let canvas = ObserverView.render(state: state, theme: ThemeCatalog.builtIn.theme(at: 0))
        let bar = canvas.lines.last ?? ""
        #expect(bar.contains("✖ rec failed /dev/full"), "\(bar)")
        #expect(!bar.contains("● rec"))
    }
}
