import Foundation
import Testing

/// `--otlp` against a real receiver: Arize Phoenix, run by the test (`PARLEY_PHOENIX` names its
/// `phoenix` program). Skipped where it is unset, except on CI, where it fails instead.
@Suite(
    "Debates traced into a real Phoenix", .serialized,
    .enabled(if: Phoenix.program != nil || ProcessInfo.processInfo.environment["CI"] != nil))
struct PhoenixTraceTests {
    @Test("debates sent with --otlp arrive in Phoenix as one trace each (a workflow span, an agent span per turn under it, a chat span under each): stopped by SIGTERM, served, and quit in the observer too")
    func tracesInPhoenix() async throws {
        guard let program = Phoenix.program else {
            Issue.record("PARLEY_PHOENIX is unset: on CI, .ci/run installs arize-phoenix and sets it, so this test cannot be skipped there")
            return
        }
        let phoenix = try await Phoenix.start(program)
        defer { phoenix.stop() }
        try await debateBecomesTrace(phoenix)
        try await stoppedDebatesArriveWhole(phoenix)
        try await observerQuits(phoenix)
    }

    private func debateBecomesTrace(_ phoenix: Phoenix) async throws {
        let plain = try DebateRun(otlp: phoenix.url, content: false)
        let shown = try DebateRun(otlp: phoenix.url, content: true)

        let spans = try await phoenix.spans { spans in
            [plain, shown].allSatisfy { run in spans.count { $0.conversation == run.id } == 1 + 2 * run.turns.count }
        }
        for run in [plain, shown] {
            let mine = spans.filter { $0.conversation == run.id }
            let workflows = mine.filter { $0.name.hasPrefix("invoke_workflow") }
            try #require(workflows.count == 1)
            let workflow = workflows[0]
            #expect(workflow.name == "invoke_workflow Should we build feature X?")
            #expect(workflow.parent == nil)
            #expect(workflow.attributes["gen_ai.operation.name"] as? String == "invoke_workflow")
            #expect(workflow.attributes["parley.protocol"] as? String == "round-robin")
            #expect(workflow.attributes["parley.finish"] as? String == "completed")

            let agents = mine.filter { $0.name.hasPrefix("invoke_agent ") }
            #expect(agents.count == run.turns.count)
            #expect(agents.allSatisfy { $0.parent == workflow.id && $0.trace == workflow.trace })
            #expect(Set(agents.map(\.name)) == ["invoke_agent Priya", "invoke_agent Sam", "invoke_agent Dana", "invoke_agent Mo"])
            let peers = agents.filter { $0.name != "invoke_agent Mo" }
            #expect(peers.count == run.turns.count { $0.type == "messageCompleted" })
            #expect(peers.allSatisfy { [1, 2].contains($0.attributes["parley.round"] as? Int) })
            #expect(peers.allSatisfy { $0.attributes["parley.message.to"] as? [String] == ["everyone"] })
            #expect(agents.allSatisfy { $0.attributes["gen_ai.operation.name"] as? String == "invoke_agent" })

            let chats = mine.filter { $0.name.hasPrefix("chat ") }
            #expect(chats.count == run.turns.count)
            #expect(Set(chats.compactMap(\.parent)) == Set(agents.map(\.id)))
            for chat in chats {
                #expect(chat.name == "chat scripted")
                #expect(chat.attributes["gen_ai.operation.name"] as? String == "chat")
                #expect(chat.attributes["gen_ai.provider.name"] as? String == "parley.scripted")
                #expect(chat.attributes["gen_ai.request.model"] as? String == "scripted")
                #expect((chat.attributes["gen_ai.usage.input_tokens"] as? Int ?? 0) > 0)
                #expect((chat.attributes["gen_ai.usage.output_tokens"] as? Int ?? 0) > 0)
                #expect(chat.attributes["gen_ai.response.finish_reasons"] as? [String] == ["stop"])
            }
            // Each turn's usage, as the recording holds it, is its chat span's.
            let recorded = run.turns.map { "\($0.prompt)/\($0.completion)" }.sorted()
            let traced = chats.map { "\($0.attributes["gen_ai.usage.input_tokens"] as? Int ?? -1)/\($0.attributes["gen_ai.usage.output_tokens"] as? Int ?? -1)" }.sorted()
            #expect(traced == recorded)
        }

        let contentKeys = ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "llm.input_messages", "llm.output_messages", "input.value", "output.value"]
        let plainSpans = spans.filter { $0.conversation == plain.id }
        for span in plainSpans {
            let leaked = span.attributes.keys.filter { key in contentKeys.contains { key.hasPrefix($0) } }
            #expect(leaked.isEmpty, "\(span.name) carries \(leaked) without --otlp-content")
        }
        // With --otlp-content, every chat span holds what its model was asked and answered.
        let shownChats = spans.filter { $0.conversation == shown.id && $0.name.hasPrefix("chat ") }
        let answers = shownChats.compactMap { ($0.attributes["gen_ai.output.messages"] as? String).flatMap(Self.texts) }
        #expect(answers.count == shown.turns.count)
        #expect(answers.flatMap { $0 }.sorted() == shown.turns.map(\.text).sorted())
        #expect(shownChats.allSatisfy { ($0.attributes["gen_ai.input.messages"] as? String)?.contains(#""role":"user""#) == true })
    }

    /// A headless debate stopped by SIGTERM, and a debate of `parley serve` stopped with the
    /// server, reach Phoenix as whole traces: the traces are sent before the program exits.
    private func stoppedDebatesArriveWhole(_ phoenix: Phoenix) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-otlp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each waits (polling, 30 s at most) until the debate said something, then sends SIGTERM.
        let wait = #"i=0; until grep -q messageCompleted "$1" 2>/dev/null; do i=$((i+1)); [ $i -gt 600 ] && break; sleep 0.05; done"#
        let headless = try Parley.run(
            ["/bin/sh", "-c", #"""
                wait_said() { \#(wait); }
                "$0" run --headless --record "$1/run.jsonl" --otlp "$2" >/dev/null 2>"$1/run.err" & pid=$!
                wait_said "$1/run.jsonl"; kill -TERM $pid; wait $pid; echo "status=$?"
                """#, Parley.path, folder.path, phoenix.url], direct: true)
        #expect(headless.output.contains("status=143"), "\(headless.output) \(headless.errors)")
        let port = try FreePort.next()
        let served = try Parley.run(
            ["/bin/sh", "-c", #"""
                wait_said() { \#(wait); }
                "$0" serve --listen 127.0.0.1:$3 --data "$1/served" --otlp "$2" 2>"$1/serve.err" & pid=$!
                i=0; until curl -sf http://127.0.0.1:$3/debates >/dev/null; do i=$((i+1)); [ $i -gt 600 ] && break; sleep 0.05; done
                id=$(curl -sf --data-binary @Debates/feature-x.yaml http://127.0.0.1:$3/debates | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
                wait_said "$1/served/$id.jsonl"; kill -TERM $pid; wait $pid; echo "status=$? id=$id"
                """#, Parley.path, folder.path, phoenix.url, "\(port)"], direct: true)
        #expect(served.output.contains("status=143"), "\(served.output) \(served.errors)")
        let servedID = try #require(served.output.split(separator: "id=").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        try #require(!servedID.isEmpty)

        for (conversation, recording) in [("run", folder.appendingPathComponent("run.jsonl")), (servedID, folder.appendingPathComponent("served/\(servedID).jsonl"))] {
            let said = try String(contentsOf: recording, encoding: .utf8).occurrences(of: #""type":"messageCompleted""#)
            #expect(said >= 1)
            let spans = try await phoenix.spans { spans in
                spans.contains { $0.conversation == conversation && $0.name.hasPrefix("invoke_workflow") }
            }.filter { $0.conversation == conversation }
            let workflow = try #require(spans.first { $0.name.hasPrefix("invoke_workflow") })
            #expect(workflow.attributes["parley.finish"] as? String == "stopped")
            let peers = spans.filter { $0.name.hasPrefix("invoke_agent ") && $0.name != "invoke_agent Mo" }
            #expect(peers.allSatisfy { $0.parent == workflow.id })
            // Each message said is a turn ended well; the turn cut short by the stop ends as an error.
            #expect(peers.count { $0["status_code"] as? String != "ERROR" } == said)
            #expect(peers.count { $0["status_code"] as? String == "ERROR" } <= 1)
        }
    }

    /// A debate watched in the observer to its end and quit with `q` reaches Phoenix whole.
    private func observerQuits(_ phoenix: Phoenix) async throws {
        let id = "parley-otlp-observer-\(UUID().uuidString)"
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("\(id).jsonl")
        defer { try? FileManager.default.removeItem(at: recording) }
        let tmux = try await Parley.start(
            ["--instant", "--rounds", "1", "--record", recording.path, "--otlp", phoenix.url], until: "Message flow")
        defer { tmux.kill() }
        try await tmux.waitFor("Debate finished", timeout: .seconds(120))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitStatus() == 0)
        #expect(try !tmux.capture().contains("traces could not be sent"))
        let text = try String(contentsOf: recording, encoding: .utf8)
        let turns = text.occurrences(of: #""type":"messageCompleted""#) + text.occurrences(of: #""type":"summaryCompleted""#)
        let spans = try await phoenix.spans { spans in
            spans.count { $0.conversation == id && $0.name.hasPrefix("invoke_") } == 1 + turns
        }.filter { $0.conversation == id }
        let workflow = try #require(spans.first { $0.name.hasPrefix("invoke_workflow") })
        #expect(workflow.attributes["parley.finish"] as? String == "completed")
        #expect(spans.filter { $0.name.hasPrefix("invoke_agent") }.allSatisfy { $0.parent == workflow.id })
    }

    /// The texts of a `gen_ai.output.messages` value: `[{"role":…,"parts":[{"type":"text","content":…}]}]`.
    static func texts(_ json: String) -> [String]? {
        guard let messages = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return nil }
        return messages.flatMap { message in
            (message["parts"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "text" }.compactMap { $0["content"] as? String }
        }
    }
}

/// `parley run --headless --instant --rounds 2 --otlp URL`, recorded, and what its recording holds.
struct DebateRun {
    /// The recording's name: the trace's `gen_ai.conversation.id`.
    let id: String
    /// Each turn a model answered (a peer's message, a summary), as recorded.
    let turns: [(type: String, text: String, prompt: Int, completion: Int)]

    init(otlp: String, content: Bool) throws {
        id = "parley-otlp-\(UUID().uuidString)"
        let recording = FileManager.default.temporaryDirectory.appendingPathComponent("\(id).jsonl")
        defer { try? FileManager.default.removeItem(at: recording) }
        let (status, output, errors) = try Parley.run(
            ["run", "--headless", "--instant", "--rounds", "2", "--record", recording.path, "--otlp", otlp] + (content ? ["--otlp-content"] : []))
        #expect(status == 0, "parley exited \(status): \(errors)")
        #expect(!errors.contains("traces could not be sent"), "\(errors)")
        #expect(output.contains("round 2"))
        let lines = try String(contentsOf: recording, encoding: .utf8).split(separator: "\n").dropFirst()
        turns = try lines.compactMap { line in
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let type = record["type"] as? String ?? ""
            guard let done = (record["message"] ?? record["summary"]) as? [String: Any],
                type == "messageCompleted" || type == "summaryCompleted"
            else { return nil }
            let usage = done["usage"] as? [String: Any] ?? [:]
            return (type, done["text"] as? String ?? "", usage["prompt"] as? Int ?? 0, usage["completion"] as? Int ?? 0)
        }
    }
}

extension [String: Any] {
    /// A Phoenix span's fields.
    var name: String { self["name"] as? String ?? "" }
    var id: String { (self["context"] as? [String: Any])?["span_id"] as? String ?? "" }
    var trace: String { (self["context"] as? [String: Any])?["trace_id"] as? String ?? "" }
    var parent: String? { self["parent_id"] as? String }
    var attributes: [String: Any] { self["attributes"] as? [String: Any] ?? [:] }
    var conversation: String? { attributes["gen_ai.conversation.id"] as? String }
}
