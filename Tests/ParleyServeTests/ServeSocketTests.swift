import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ParleyServe
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("parley serve on a Unix socket")
struct ServeSocketTests {
    /// A new folder for sockets, removed after `body`. (Under /tmp: a socket's path must be short.)
    static func inFolder(_ body: (String) async throws -> Void) async throws {
        let folder = "/tmp/parley-sock-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await body(folder)
    }

    @Test("it serves over the socket without a token, the socket file readable and writable by its owner only, and removed after")
    func servesOverSocket() async throws {
        try await Self.inFolder { folder in
            let path = "\(folder)/parley.sock"
            try await ServedParley.with(listen: "unix:\(path)") { server in
                #expect(server.base.hasPrefix("http+unix://%2Ftmp%2Fparley-sock-"))
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect(attributes[.type] as? FileAttributeType == .typeSocket)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
                let id = try await server.startDebate(ServedDebates.small(pace: "live"))
                var stream = try await server.events(id)
                _ = try await stream.read(through: "debateFinished")
                #expect(try await server.send(.GET, "/debates").body.contains(id))
            }
            #expect(!FileManager.default.fileExists(atPath: path), "the server removes its socket when it stops")
        }
    }

    @Test("a socket a live server listens on is refused, as are a file that is not a socket and a missing folder; a dead server's stale socket is replaced")
    func liveAndStaleSockets() async throws {
        try await Self.inFolder { folder in
            let path = "\(folder)/parley.sock"
            try await ServedParley.with(listen: "unix:\(path)") { server in
                do {
                    try await ServedParley.with(listen: "unix:\(path)") { _ in }
                    Issue.record("a second server took the live socket")
                } catch {
                    #expect("\(error)".contains("a server is already listening on unix:\(path)"))
                }
                let status = try await server.send(.GET, "/debates").status
                #expect(status == 200, "the first server still answers")
            }

            try Self.leaveStaleSocket(at: path)
            #expect(FileManager.default.fileExists(atPath: path))
            try await ServedParley.with(listen: "unix:\(path)") { server in
                let status = try await server.send(.GET, "/debates").status
                #expect(status == 200)
            }

            let plain = "\(folder)/notes.txt"
            try "keep me".write(toFile: plain, atomically: true, encoding: .utf8)
            #expect(throws: ServeError.self) { try ServeSettings(listen: "unix:", environment: [:]) }
            do {
                try await ServedParley.with(listen: "unix:\(plain)") { _ in }
                Issue.record("a server replaced a file that is not a socket")
            } catch {
                #expect("\(error)".contains("is not a socket"))
            }
            #expect(try String(contentsOfFile: plain, encoding: .utf8) == "keep me")
            do {
                try await ServedParley.with(listen: "unix:\(folder)/missing/parley.sock") { _ in }
                Issue.record("a server listened in a folder that does not exist")
            } catch {
                #expect("\(error)".contains("the folder \(folder)/missing for the socket"))
            }
        }
    }

    /// A socket file with no server behind it, as a killed server leaves it.
    static func leaveStaleSocket(at path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        close(descriptor)
    }
}
