import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

/// A network namespace of the test's own, joined to this one by a veth pair: a real
/// non-loopback address (`10.x.y.2` inside it, `10.x.y.1` here) that nothing else uses.
struct PrivateNetwork {
    let namespace: String
    let outside: String
    let inside: String

    /// Whether one can be made here: as root, with `ip` (iproute2).
    static let possible: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: ip)
    static let ip = "/usr/sbin/ip"

    /// Makes the namespace, its veth pair and addresses, runs `body`, and tears it all down.
    static func with(_ body: (PrivateNetwork) async throws -> Void) async throws {
        let tag = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
        let subnet = "10.\(Int.random(in: 200...249)).\(Int.random(in: 0...255))"
        let network = PrivateNetwork(namespace: "parley-\(tag)", outside: "\(subnet).1", inside: "\(subnet).2")
        let (here, there) = ("pv\(tag)a", "pv\(tag)b")
        defer { try? run(["netns", "del", network.namespace]) }  // deletes the veth pair with it
        try run(["netns", "add", network.namespace])
        try run(["link", "add", here, "type", "veth", "peer", "name", there])
        try run(["link", "set", there, "netns", network.namespace])
        try run(["addr", "add", "\(network.outside)/30", "dev", here])
        try run(["link", "set", here, "up"])
        try run(["netns", "exec", network.namespace, ip, "addr", "add", "\(network.inside)/30", "dev", there])
        try run(["netns", "exec", network.namespace, ip, "link", "set", there, "up"])
        try run(["netns", "exec", network.namespace, ip, "link", "set", "lo", "up"])
        try await body(network)
    }

    /// Runs `ip arguments…`. - Throws: when it fails.
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServeTestError("ip \(arguments.joined(separator: " ")) failed: \(String(decoding: said, as: UTF8.self))")
        }
    }
}

@Suite("parley serve on a real non-loopback address, in a network namespace of its own")
struct ServeNamespaceProgramTests {
    @Test(
        "over a non-loopback address it needs the token (401 without, 200 with) and warns that the token travels in clear",
        .enabled(if: PrivateNetwork.possible, "needs root and `ip` (iproute2) to make a network namespace and a veth pair"))
    func tokenOverTheNetwork() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-netns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        try await PrivateNetwork.with { network in
            let server = try ParleyProcess(
                ["serve", "--listen", "\(network.inside):0", "--data", data],
                launcher: [PrivateNetwork.ip, "netns", "exec", network.namespace], environment: ["PARLEY_TOKEN": "over-the-wire"])
            defer { if server.process.isRunning { server.process.terminate() } }
            let said = await server.said(through: "listening on")
            #expect(said.contains("travel in clear"))
            let pattern = try Regex("http://\(network.inside.replacingOccurrences(of: ".", with: "\\.")):\\d+")
            let base = try #require(said.firstMatch(of: pattern).map { String(said[$0.range]) }, "said: \(said)")

            let refused = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/debates"), timeout: .seconds(10))
            #expect(refused.status == .unauthorized)
            #expect(String(buffer: try await refused.body.collect(upTo: 1 << 16)).contains("this server needs a token"))
            var request = HTTPClientRequest(url: base + "/debates")
            request.headers.add(name: "Authorization", value: "Bearer over-the-wire")
            let allowed = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(allowed.status == .ok)
            #expect(String(buffer: try await allowed.body.collect(upTo: 1 << 16)) == "[]")

            server.process.terminate()
            #expect(await server.ending().status == 143)
        }
    }
}
