import AsyncHTTPClient
import Foundation
import NIOHTTP1
import NIOSSL
import ParleyServe
import Testing

@Suite("parley serve over TLS")
struct ServeTLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, made by openssl in a new folder
    /// (removed after `body`), and a second key that is not the certificate's.
    static func withCertificate(_ body: (_ certificate: String, _ key: String, _ otherKey: String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (certificate, key, other) = ("\(folder)/cert.pem", "\(folder)/key.pem", "\(folder)/other.pem")
        try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key, "-out", certificate,
        ])
        try openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", other])
        try await body(certificate, key, other)
    }

    static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " ")) failed")
    }

    @Test("it answers HTTPS with the given certificate, and a plain-HTTP client gets no answer")
    func answersHTTPS() async throws {
        try await Self.withCertificate { certificate, key, _ in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
            do {
                try await ServedParley.with(tls: (certificate, key), client: client) { server in
                    #expect(server.base.hasPrefix("https://127.0.0.1:"))
                    let id = try await server.startDebate(ServedDebates.small(pace: "live"))
                    var stream = try await server.events(id)
                    _ = try await stream.read(through: "debateFinished")
                    #expect(try await server.send(.GET, "/debates").status == 200)

                    let plain = server.base.replacingOccurrences(of: "https://", with: "http://") + "/debates"
                    await #expect(throws: (any Error).self) {
                        _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: plain), timeout: .seconds(10))
                    }
                }
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("a missing, non-PEM or mismatched certificate or key is refused naming the file and what to give")
    func badCertificates() async throws {
        try await Self.withCertificate { certificate, key, otherKey in
            func refusal(_ certificate: String?, _ key: String?) -> String? {
                do {
                    _ = try ServeSettings(listen: "127.0.0.1:0", certificate: certificate, key: key, environment: [:])
                    return nil
                } catch {
                    return error.description
                }
            }
            #expect(refusal(certificate, key) == nil)
            #expect(refusal("/nowhere/cert.pem", key)?.contains("the TLS certificate file /nowhere/cert.pem does not exist") == true)
            #expect(refusal(key, key)?.contains("is not a PEM certificate") == true)
            #expect(refusal(certificate, certificate)?.contains("the TLS key \(certificate) is not an unencrypted PEM private key") == true)
            #expect(refusal(certificate, otherKey)?.contains("does not match the certificate") == true)
            #expect(refusal(certificate, nil)?.contains("--tls-cert needs --tls-key") == true)
            #expect(refusal(nil, key)?.contains("--tls-key needs --tls-cert") == true)
        }
    }

    @Test("beyond loopback without TLS a token is needed and its travelling in clear is warned of; with TLS, or on loopback or a socket, no warning")
    func clearTokenWarning() async throws {
        let open = try ServeSettings(listen: "0.0.0.0:7878", environment: ["PARLEY_TOKEN": "t"])
        #expect(open.warnings.count == 1)
        #expect(open.warnings.first?.contains("travel in clear") == true)
        #expect(try ServeSettings(listen: "127.0.0.1:7878", environment: ["PARLEY_TOKEN": "t"]).warnings.isEmpty)
        #expect(try ServeSettings(listen: "unix:/tmp/p.sock", environment: [:]).warnings.isEmpty)
        try await Self.withCertificate { certificate, key, _ in
            let secured = try ServeSettings(listen: "0.0.0.0:7878", certificate: certificate, key: key, environment: ["PARLEY_TOKEN": "t"])
            #expect(secured.warnings.isEmpty)
            #expect(secured.url(port: 7878) == "https://0.0.0.0:7878")
        }
    }
}
