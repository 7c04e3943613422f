import Foundation
import Testing

/// The real `parley` program run with some arguments (through `launcher`, like `ip netns exec NS`,
/// when given), its stderr told as it comes and its stdout kept.
final class ParleyProcess: Sendable {
    let process = Process()
    let lines: AsyncStream<String>
    private let output = Pipe()

    /// Starts `parley arguments…` with `environment` added to this process's.
    /// - Throws: when the program is not built, or cannot start.
    init(_ arguments: [String], launcher: [String] = [], environment: [String: String] = [:]) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ServeProgramTests.program),
            "\(ServeProgramTests.program) is missing: build it first with `swift build`")
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(launcher.dropFirst()) + [ServeProgramTests.program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: ServeProgramTests.program)
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = output
        let (lines, line) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty { line.finish() } else { line.yield(String(decoding: chunk, as: UTF8.self)) }
        }
        try process.run()
    }

    /// What it said on stderr up to a line containing `text` (or all of it, when it ends first).
    func said(through text: String) async -> String {
        var said = ""
        for await chunk in lines {
            said += chunk
            if said.contains(text), said.hasSuffix("\n") { break }
        }
        return said
    }

    /// Its exit status and everything it wrote on stdout, once it exits.
    func ending() async -> (status: Int32, output: String) {
        await Task.detached { [process, output] in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }.value
    }
}
