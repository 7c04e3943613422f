import ArgumentParser
import Foundation
import ParleyEngine
import ParleyModels
import ParleyServe

/// `parley serve`: runs debates headless and serves them over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run debates headless and serve them over HTTP (start, list, stream events, steer).",
        discussion: """
            POST /debates (a debate file's YAML) starts one; GET /debates lists them; \
            GET /debates/ID/events streams its events as Server-Sent Events; POST /debates/ID/commands \
            steers it; GET /debates/ID/log is its recording; POST /debates/ID/fork {"at":12} forks it. \
            Listening on anything but loopback or a Unix socket needs PARLEY_TOKEN (and, to keep it \
            secret, --tls-cert and --tls-key); PARLEY_READ_TOKEN is a token that can watch but not \
            steer. See README.md, "parley serve".
            """)

    @Option(help: ArgumentHelp("The address and port to listen on, or unix:PATH for a Unix socket (no token needed: only its owner can connect).", valueName: "addr:port"))
    var listen = ServeSettings.defaultListen

    @OptionGroup var tls: TLSOptions

    @Option(help: ArgumentHelp(
        "Where debates are recorded (default: $XDG_DATA_HOME/parley/debates, or ~/.local/share/parley/debates).",
        valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Write diagnostics (model requests, retries) to this file.", valueName: "file"))
    var log: String?

    @OptionGroup var traces: TraceOptions

    func run() async throws {
        let settings: ServeSettings
        do {
            settings = try ServeSettings(
                listen: listen, data: data, certificate: tls.certificate, key: tls.key, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.error("parley serve: \(error)")
            throw ExitCode.validationFailure
        }
        for warning in settings.warnings { Console.error("parley serve: warning: \(warning)") }
        let logger = try Diagnostics.bootstrap(log)
        let traces = try traces.start(quiet: false)
        // Every served debate is a trace, its id the conversation's.
        let server = DebateServer(settings: settings, models: ModelProvider.standard(logger: logger), logger: logger) { debate, id in
            traces?.export.follow(debate, conversation: id)
        }
        for problem in server.serveRecorded() { Console.error("parley serve: \(problem)") }
        let signal: Int32?
        do {
            signal = try await server.run(handlingSignals: true) { port in
                Console.error("parley serve: listening on \(settings.url(port: port)) · debates recorded in \(settings.dataDirectory)")
            }
        } catch {
            Console.error("parley serve: cannot listen on \(settings.address.text): \(error); try another address with --listen")
            await traces?.finish()
            throw ExitCode.badDebate
        }
        await ModelHTTPClient.shutdown()
        await traces?.finish()
        // Stopped by a signal: the shell's convention, 128 + its number (130 Ctrl-C, 143 SIGTERM).
        if let signal { throw ExitCode(128 + signal) }
    }
}
