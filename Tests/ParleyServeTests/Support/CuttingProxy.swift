import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on loopback between a client and a server, which the test can cut: ``drop()``
/// closes every connection open through it, both ends, as a network that fails does; new
/// connections go through again.
final class CuttingProxy: Sendable {
    /// The port clients connect to.
    let port: Int
    private let serving: Task<Void, Never>
    private let listener: any Channel
    private let links = Links()

    /// The connections open through it, and how many were made.
    private final class Links: Sendable {
        let state = Mutex<(open: [any Channel], made: Int)>(([], 0))
    }

    typealias Bytes = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Starts a proxy to `upstream` on loopback.
    static func start(to upstream: Int) async throws -> CuttingProxy {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try Bytes(wrappingChannelSynchronously: child) }
            }
        return CuttingProxy(server: server, upstream: upstream)
    }

    private init(server: NIOAsyncChannel<Bytes, Never>, upstream: Int) {
        port = server.channel.localAddress?.port ?? 0
        listener = server.channel
        let links = links
        serving = Task {
            try? await server.executeThenClose { clients in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await client in clients {
                            group.addTask { await Self.relay(client, to: upstream, links: links) }
                        }
                    } catch {}
                }
            }
        }
    }

    /// Passes bytes both ways between `client` and a new connection to `upstream` until one
    /// side closes, then closes both.
    private static func relay(_ client: Bytes, to upstream: Int, links: Links) async {
        guard
            let server = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: upstream, channelInitializer: { channel in
                    channel.eventLoop.makeCompletedFuture { try Bytes(wrappingChannelSynchronously: channel) }
                })
        else {
            try? await client.channel.close()
            return
        }
        links.state.withLock { links in
            links.open += [client.channel, server.channel]
            links.made += 1
        }
        try? await client.executeThenClose { fromClient, toClient in
            try await server.executeThenClose { fromServer, toServer in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await copy(fromClient, to: toServer) }
                    group.addTask { try? await copy(fromServer, to: toClient) }
                    await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    private static func copy(_ from: NIOAsyncChannelInboundStream<ByteBuffer>, to: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        for try await bytes in from { try await to.write(bytes) }
    }

    /// How many connections went through it.
    var connections: Int { links.state.withLock { $0.made } }

    /// Closes every connection open through it now.
    func drop() async {
        let open = links.state.withLock { links in
            defer { links.open = [] }
            return links.open
        }
        for channel in open { try? await channel.close() }
    }

    /// Closes it and every connection through it.
    func stop() async {
        await drop()
        try? await listener.close()
        serving.cancel()
        await serving.value
    }
}
