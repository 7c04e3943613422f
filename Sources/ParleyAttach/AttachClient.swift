import AsyncHTTPClient
import NIOSSL

/// The HTTP client `parley attach` talks to a server with.
public enum AttachClient {
    /// A client that fails at once when nothing listens (no silent connecting again until a
    /// timeout: the observer says the connection is lost and tries again itself), follows no
    /// redirect, and trusts the system's certificate authorities, or only the certificates in
    /// the PEM file `caFile` when given (a server with a certificate of its own, `parley serve
    /// --tls-cert`). The caller shuts it down.
    /// - Throws: ``AttachError`` naming `caFile` when it holds no certificate.
    public static func make(trusting caFile: String? = nil) throws(AttachError) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        if let caFile {
            var tls = TLSConfiguration.makeClientConfiguration()
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw AttachError("--ca-cert \(caFile): no PEM certificate could be read from it (\(error)); give the server's certificate, or the authority that signed it")
            }
            configuration.tlsConfiguration = tls
        }
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
