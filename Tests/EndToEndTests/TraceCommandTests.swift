import Foundation
import Testing

@Suite("--otlp on the command line")
struct TraceCommandTests {
    @Test("a receiver that is down costs the debate nothing: it runs whole, exits 0, and parley says once where traces could not go")
    func receiverDown() throws {
        let port = try FreePort.next()  // nothing listens there
        let started = ContinuousClock.now
        let (status, output, errors) = try Parley.run(["run", "--headless", "--instant", "--rounds", "2", "--otlp", "http://127.0.0.1:\(port)"])
        #expect(status == 0)
        #expect(output.contains("round 2"))
        #expect(output.contains("Tradeoffs"))
        #expect(errors.occurrences(of: "traces could not be sent") == 1)
        #expect(errors.contains("http://127.0.0.1:\(port)/v1/traces"))
        // The exporter gives up after its 3 s of patience, not later.
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test("in the observer, a receiver that is down is said once after the observer closed, the terminal restored")
    func receiverDownInObserver() async throws {
        let port = try FreePort.next()
        let tmux = try await Parley.start(["--instant", "--rounds", "1", "--otlp", "http://127.0.0.1:\(port)"], until: "Message flow")
        defer { tmux.kill() }
        let finished = try await tmux.waitFor("Debate finished", timeout: .seconds(120))
        #expect(!finished.contains("traces could not be sent"))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
        let screen = try tmux.capture()
        #expect(screen.occurrences(of: "traces could not be sent to http://127.0.0.1:\(port)/v1/traces") == 1)
        let problems = try await tmux.restorationProblems()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("an --otlp address that is no http(s) URL is refused before anything runs, naming it")
    func badAddress() throws {
        let (status, output, errors) = try Parley.run(["run", "--headless", "--instant", "--otlp", "localhost:4318"])
        #expect(status == 64)
        #expect(output.isEmpty)
        #expect(errors.contains("--otlp takes the http(s) URL of an OpenTelemetry receiver"))
        #expect(errors.contains("not 'localhost:4318'"))
    }

    @Test("OTEL_EXPORTER_OTLP_ENDPOINT is read when --otlp is absent, and named when it is no URL")
    func environmentAddress() throws {
        let (status, _, errors) = try Parley.run(
            ["fork", "run.jsonl", "--at", "1", "--headless"], environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "ftp://collector"])
        #expect(status == 64)
        #expect(errors.contains("OTEL_EXPORTER_OTLP_ENDPOINT takes the http(s) URL"))
        let served = try Parley.run(["serve", "--listen", "127.0.0.1:0", "--otlp", "http://"])
        #expect(served.status == 64)
        #expect(served.errors.contains("--otlp takes the http(s) URL"))
    }

    @Test("--otlp-content without a receiver says to add --otlp")
    func contentWithoutReceiver() throws {
        let (status, _, errors) = try Parley.run(["run", "--headless", "--otlp-content"])
        #expect(status == 64)
        #expect(errors.contains("add --otlp URL"))
    }
}
