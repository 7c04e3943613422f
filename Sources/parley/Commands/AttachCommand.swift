import ArgumentParser
import AsyncHTTPClient
import Foundation
import ParleyAttach
import ParleyCore
import ParleyModels
import ParleyObserver
import TerminalKit

/// `parley attach URL`: the observer on a debate that `parley serve` (or `parley run --serve`)
/// runs; every key works as in a local run, and commands go to the server.
struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Watch and steer a debate that `parley serve` or `parley run --serve` runs.",
        discussion: """
            URL is the server (http://127.0.0.1:7878, 127.0.0.1:7878, unix:/path/to.sock), or one of its \
            debates (http://127.0.0.1:7878/debates/ID). Without a debate, parley lists the server's debates to \
            choose one. The token comes from PARLEY_TOKEN (or PARLEY_READ_TOKEN, which only watches). Quitting \
            leaves the debate running on its server; a lost connection is made again and goes on from the last \
            event seen.
            """)

    @Argument(help: "The server, or one of its debates (…/debates/ID).")
    var url: String

    @Argument(help: "The debate's id, when URL names only the server.")
    var debate: String?

    @Option(help: ArgumentHelp(
        "Trust only the certificates in this PEM file (the server's own, for `parley serve --tls-cert`).", valueName: "file"))
    var caCert: String?

    @Flag(help: "Only watch: the keys that steer the debate do nothing.")
    var readOnly = false

    @Flag(help: "Stream the debate to stdout instead of opening the observer.")
    var headless = false

    @Flag(help: "Write the event stream to stdout as JSON lines instead.")
    var jsonl = false

    @Option(help: ArgumentHelp("Colour theme: a built-in name (see `parley themes`) or a theme file's path.", valueName: "name|path"))
    var theme: String?

    @Flag(help: "Hide reasoning models' thinking in the agents' panes.")
    var hideReasoning = false

    func validate() throws {
        if headless && jsonl {
            throw ValidationError("--headless and --jsonl both stream the debate to stdout, as text or as JSON lines: choose one")
        }
        let target = try Self.target(url)
        if target.debate != nil, debate != nil {
            throw ValidationError("'\(url)' names a debate already; leave out '\(debate!)'")
        }
    }

    func run() async throws {
        let target = try Self.target(url)
        let environment = ProcessInfo.processInfo.environment
        let steering = environment["PARLEY_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let watching = environment["PARLEY_READ_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let themes = try ThemeChoice.catalog(theme)
        let client: HTTPClient
        do {
            client = try AttachClient.make(trusting: caCert)
        } catch {
            Console.error("parley attach: \(error.description)")
            throw ExitCode.validationFailure
        }
        let token = steering ?? watching
        var reason: FinishReason
        do {
            var id = try await DebatePick.id(in: target, named: target.debate ?? debate, token: token, client: client)
            let readOnly = readOnly || steering == nil && watching != nil
            var options = ObserverOptions(themes: themes.catalog, themeIndex: themes.index, showsReasoning: !hideReasoning)
            options.isReadOnly = readOnly
            // `f` forks the debate on its server; the observer then follows the fork.
            options.forks = !readOnly
            while true {
                options.attachedTo = "\(target.shown)/\(id)"
                var frontend = Frontend.choose(headless: headless, jsonl: jsonl, observer: options)
                // A fork's parent is on the server: in the observer, `d` shows the fork beside the
                // parent read from there.
                if frontend.isInteractive, let parent = await AttachedDebate.parent(of: id, on: target, token: token, client: client) {
                    options.parentRecording = parent
                    frontend = .observer(options)
                }
                let source = AttachedDebate(target: target, id: id, token: token, client: client, readOnly: readOnly)
                let fork: MessageID?
                (reason, fork) = try await frontend.show(source, stopping: "you left the debate; it goes on on its server")
                guard let fork else { break }
                do {
                    id = try await AttachedDebate.fork(id, at: fork, on: target, token: token, client: client)
                } catch {
                    Console.error("parley attach: \(Sanitizer.clean(error.description))")
                    throw ExitCode.badDebate
                }
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        await ModelHTTPClient.shutdown()
        if case .failed(let error) = reason { Console.error("parley attach: \(Sanitizer.clean(error))") }
        throw ExitCode(reason)
    }

    private static func target(_ url: String) throws -> AttachTarget {
        do {
            return try AttachTarget(url)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
