// swift-tools-version: 6.1
import PackageDescription

/// Parley: watch, step and steer peer multi-agent debates in the terminal.
///
/// Arrows point down only: parley → ParleyObserver → ParleyEngine → ParleyModels → ParleyCore;
/// parley → ParleyDebateFile → ParleyEngine; ParleyDebateFile and ParleyObserver → ParleyFiles
/// (what every YAML file shares: positions, excerpts, did-you-mean, colour words) → ParleyCore;
/// ParleyObserver → TerminalKit → CNcursesw; parley → ParleyServe (the only module on
/// Hummingbird and NIOSSL) → ParleyDebateFile, ParleyEngine; parley → ParleyAttach (a served
/// debate's client) → ParleyEngine; and parley → ParleyTelemetry (the only module on swift-otel:
/// debates as OpenTelemetry traces) → ParleyEngine.
let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        .library(name: "ParleyCore", targets: ["ParleyCore"]),
        .library(name: "ParleyModels", targets: ["ParleyModels"]),
        .library(name: "ParleyEngine", targets: ["ParleyEngine"]),
        .library(name: "ParleyDebateFile", targets: ["ParleyDebateFile"]),
        .library(name: "ParleyObserver", targets: ["ParleyObserver"]),
        .library(name: "TerminalKit", targets: ["TerminalKit"]),
        .executable(name: "parley-bench", targets: ["ParleyBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // OTLP over HTTP only: the gRPC exporter's packages are not built.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalKit", dependencies: ["CNcursesw"]),
        .target(name: "ParleyCore"),
        .target(
            name: "ParleyModels",
            dependencies: [
                "ParleyCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ParleyEngine",
            dependencies: [
                "ParleyCore", "ParleyModels",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ParleyFiles", dependencies: ["ParleyCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "ParleyDebateFile",
            dependencies: [
                "ParleyCore", "ParleyModels", "ParleyEngine", "ParleyFiles",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ParleyObserver",
            dependencies: [
                "ParleyCore", "ParleyEngine", "ParleyFiles", "TerminalKit",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `parley serve`: debates run headless and served over HTTP (Hummingbird). Only the
        // executable depends on it, so the rest of Parley builds without a server.
        .target(
            name: "ParleyServe",
            dependencies: [
                "ParleyCore", "ParleyModels", "ParleyEngine", "ParleyDebateFile",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `parley attach`: the client of a served debate (its event stream and commands).
        .target(
            name: "ParleyAttach",
            dependencies: [
                "ParleyCore", "ParleyModels", "ParleyEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // `--otlp`: each debate exported as an OpenTelemetry trace (swift-otel). Only the
        // executable depends on it, like ParleyServe.
        .target(
            name: "ParleyTelemetry",
            dependencies: [
                "ParleyCore", "ParleyEngine",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyCore", "ParleyModels", "ParleyEngine", "ParleyDebateFile", "ParleyObserver", "TerminalKit",
                "ParleyServe", "ParleyAttach", "ParleyTelemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "terminal-check", dependencies: ["TerminalKit"]),
        // The benchmarks (`Benchmarks/run`): not part of the shipped tool.
        .executableTarget(
            name: "ParleyBench",
            dependencies: [
                "ParleyCore", "ParleyModels", "ParleyEngine", "ParleyObserver", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ParleyBench"
        ),
        // What the test targets share: a tmux driver, a subprocess runner, scratch files and
        // golden files.
        .target(name: "ParleyTestSupport", path: "Tests/ParleyTestSupport"),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "ParleyTestSupport"]),
        .testTarget(name: "ParleyCoreTests", dependencies: ["ParleyCore"]),
        .testTarget(
            name: "ParleyModelsTests",
            dependencies: [
                "ParleyModels", "ParleyCore", "ParleyEngine", "ParleyBench",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Captures"]
        ),
        .testTarget(
            name: "ParleyEngineTests", dependencies: ["ParleyEngine", "ParleyModels", "ParleyCore"], exclude: ["Recordings"]),
        .testTarget(
            name: "ParleyDebateFileTests", dependencies: ["ParleyDebateFile", "ParleyFiles", "ParleyEngine", "ParleyModels", "ParleyCore"]),
        .testTarget(
            name: "ParleyObserverTests",
            dependencies: ["ParleyObserver", "ParleyDebateFile", "ParleyEngine", "TerminalKit", "ParleyCore", "ParleyTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "ParleyServeTests",
            dependencies: [
                "ParleyServe", "ParleyAttach", "ParleyEngine", "ParleyCore", "ParleyTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ParleyTelemetryTests",
            dependencies: [
                "ParleyTelemetry", "ParleyEngine", "ParleyCore", "ParleyTestSupport",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["ParleyCore", "ParleyTestSupport"]),
    ]
)
