import ArgumentParser
import AsyncHTTPClient
import Foundation
import ParleyCore
import ParleyAttach
import TerminalKit

/// Which of a server's debates `parley attach` watches: the one named, checked against the
/// server's list; else the person chooses from the list (on a terminal), or is shown it.
enum DebatePick {
    /// The id of the debate to attach to.
    /// - Throws: ``ExitCode/badDebate`` after saying why (the server cannot be reached, refuses the
    ///   token, has no such debate or none at all); a usage error after listing them when there is
    ///   no terminal to choose on.
    static func id(in target: AttachTarget, named: String?, token: String?, client: HTTPClient) async throws -> String {
        let debates: [DebateListing]
        do {
            debates = try await AttachedDebate.listing(of: target, token: token, client: client)
        } catch {
            Console.error("parley attach: \(Sanitizer.clean(error.description))")
            throw ExitCode.badDebate
        }
        if let named {
            guard debates.contains(where: { $0.id == named }) else {
                let known = debates.isEmpty ? "it has none" : "its debates are " + debates.map(\.id).joined(separator: ", ")
                Console.error("parley attach: no debate '\(Sanitizer.clean(named))' on \(target.shown); \(Sanitizer.clean(known))")
                throw ExitCode.badDebate
            }
            return named
        }
        guard !debates.isEmpty else {
            Console.error(
                "parley attach: \(target.shown) runs no debate yet; start one with `curl --data-binary @debate.yaml \(target.server)/debates`, or run one with `parley run FILE --serve`")
            throw ExitCode.badDebate
        }
        let lines = debates.enumerated().map { line($0.element, number: $0.offset + 1) }
        let newest = debates.lastIndex(where: \.runs) ?? debates.count - 1
        guard Console.isInteractive else {
            Console.out("Debates on \(target.shown):\n" + lines.joined(separator: "\n") + "\n")
            Console.error("parley attach: name one: parley attach \(target.shown)/debates/ID")
            throw ExitCode.validationFailure
        }
        Console.out("Debates on \(target.shown):\n" + lines.joined(separator: "\n") + "\n")
        while true {
            Console.out("Attach to which? [1-\(debates.count), Enter for \(newest + 1)] ")
            guard let answer = readLine() else { throw ExitCode.validationFailure }
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return debates[newest].id }
            if let number = Int(trimmed), debates.indices.contains(number - 1) { return debates[number - 1].id }
            if let byID = debates.first(where: { $0.id == trimmed }) { return byID.id }
            Console.out("No debate '\(Sanitizer.clean(trimmed))' here: give its number or its id.\n")
        }
    }

    /// `  2  3f2a9c1e  Should we build feature X?  live · round 2/3 · 3 peers`
    static func line(_ debate: DebateListing, number: Int) -> String {
        let title = Sanitizer.clean(debate.title).split(whereSeparator: \.isNewline).joined(separator: " ")
        let state = "\(Sanitizer.clean(debate.state)) · round \(debate.round)/\(debate.rounds) · \(debate.peers.count) peers"
        return "  \(number)  \(Sanitizer.clean(debate.id))  \(title)  \(state)"
    }
}
