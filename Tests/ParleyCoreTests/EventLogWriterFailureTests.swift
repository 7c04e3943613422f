import Synchronization
import Testing
@testable import ParleyCore

@Suite("Event log writer failures")
struct EventLogWriterFailureTests {
    @Test("a write that fails is reported once, with the system's words, to a report set before or after it")
    func reportsOnce() throws {
        let writer = try EventLogWriter(path: "/dev/full")
        #expect(writer.failure == "No space left on device", "the header line could not be written")
        let reports = Mutex<[String]>([])
        writer.onFailure { report in reports.withLock { $0.append(report) } }
        #expect(reports.withLock { $0 } == ["No space left on device"], "a failure before the report is set is reported at once")
        writer.append(EventRecord(seq: 1, time: 0, event: .roundEnded(round: 1)))
        writer.close()
        #expect(reports.withLock { $0 }.count == 1, "reported once")

        let later = try EventLogWriter(path: "/dev/null")
        let laterReports = Mutex<[String]>([])
        later.onFailure { report in laterReports.withLock { $0.append(report) } }
        later.append(EventRecord(seq: 1, time: 0, event: .roundEnded(round: 1)))
        #expect(later.failure == nil && laterReports.withLock { $0 }.isEmpty, "nothing to report while writes succeed")
        later.close()
    }
}
