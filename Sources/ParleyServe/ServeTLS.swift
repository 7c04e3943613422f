import Foundation
import NIOSSL

/// The certificate and key a server answers HTTPS with (`--tls-cert FILE --tls-key FILE`, PEM),
/// read and checked before it listens.
struct ServeTLS: Sendable {
    /// The server's TLS configuration: the certificate chain and its key.
    let configuration: TLSConfiguration

    /// Reads the certificate chain at `certificate` and the private key at `key`, and checks
    /// that the key is the certificate's.
    /// - Throws: ``ServeError`` naming the file that cannot be read or is not PEM, or saying the
    ///   key does not match the certificate.
    init(certificate: String, key: String) throws(ServeError) {
        for (path, what) in [(certificate, "certificate"), (key, "key")] where !FileManager.default.isReadableFile(atPath: path) {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)" : "does not exist"
            throw ServeError("the TLS \(what) file \(path) \(reason); give a PEM file with --tls-\(what == "key" ? "key" : "cert")")
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw ServeError("the TLS certificate \(certificate) is not a PEM certificate (\(error)); give one that starts with -----BEGIN CERTIFICATE-----")
        }
        guard !chain.isEmpty else {
            throw ServeError("the TLS certificate \(certificate) holds no certificate; give one that starts with -----BEGIN CERTIFICATE-----")
        }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw ServeError("the TLS key \(key) is not an unencrypted PEM private key (\(error)); give one that starts with -----BEGIN PRIVATE KEY-----")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        // A stopping server closes its idle connections; a client slow to answer TLS's
        // close_notify holds the shutdown no longer than this.
        configuration.shutdownTimeout = .milliseconds(500)
        do {
            // BoringSSL checks here that the key is the certificate's.
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServeError("the TLS key \(key) does not match the certificate \(certificate) (\(error)); give the key the certificate was made for")
        }
        self.configuration = configuration
    }
}
