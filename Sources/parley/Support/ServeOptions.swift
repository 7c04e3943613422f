import ArgumentParser
import Foundation
import ParleyServe

/// How a server listens: `parley serve`'s address and TLS, shared with `parley run --serve`.
struct TLSOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Answer HTTPS with this certificate (PEM); needs --tls-key.", valueName: "file"))
    var certificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "file"))
    var key: String?
}

/// `parley run --serve [--serve-on ADDR:PORT]`: the run's debate served over HTTP as well.
struct ServeOptions: ParsableArguments {
    @Flag(help: "Serve the debate over HTTP as well (at 127.0.0.1:7878 unless --serve-on says), so that another terminal can watch and steer it.")
    var serve = false

    @Option(
        name: .customLong("serve-on"),
        help: ArgumentHelp("Serve it at this address (implies --serve): ADDR:PORT (port 0 picks a free one) or unix:PATH.", valueName: "addr:port"))
    var address: String?

    @OptionGroup var tls: TLSOptions

    /// Whether the debate is served.
    var serves: Bool { serve || address != nil }

    /// The settings to serve with, or nil when not serving.
    /// - Throws: ``ExitCode/validationFailure`` after saying why, for a bad address, a missing
    ///   token or a bad certificate.
    func settings() throws -> ServeSettings? {
        guard serves else {
            if tls.certificate != nil || tls.key != nil {
                Console.error("parley: --tls-cert and --tls-key serve the debate over HTTPS: add --serve (or --serve-on ADDR:PORT)")
                throw ExitCode.validationFailure
            }
            return nil
        }
        do {
            var settings = try ServeSettings(
                listen: address ?? ServeSettings.defaultListen, certificate: tls.certificate, key: tls.key,
                environment: ProcessInfo.processInfo.environment)
            settings.startsDebates = false
            return settings
        } catch {
            Console.error("parley: cannot serve the debate: \(error)")
            throw ExitCode.validationFailure
        }
    }
}
