import Foundation
import ParleyFiles

/// Catches a mistyped command before it is taken for something else: `parley help nosuch`
/// (which would show the top-level help and succeed) and `parley chek FILE` (which would try to
/// run a debate file named `chek`).
enum CommandSpelling {
    /// What is wrong with how `arguments` name a command, or nil when nothing is.
    static func mistake(in arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first else { return nil }
        if first == "help", arguments.count > 1, !commands.contains(arguments[1]) {
            return "there is no command '\(arguments[1])'\(hint(arguments[1], commands)); the commands are \(commands.joined(separator: ", "))"
        }
        // A first word that is no command, no option and no file, but one slip from a command.
        guard !first.hasPrefix("-"), !commands.contains(first), first != "help",
            !FileManager.default.fileExists(atPath: first),
            let meant = Spelling.closest(to: first, among: commands)
        else { return nil }
        return "there is no command or file '\(first)'; did you mean `parley \(meant)`?"
    }

    private static func hint(_ word: String, _ commands: [String]) -> String {
        Spelling.closest(to: word, among: commands).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
