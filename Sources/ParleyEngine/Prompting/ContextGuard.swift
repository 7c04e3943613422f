import ParleyCore
import ParleyModels

/// Keeps a conversation within a model's context: when it nears the context size, the oldest
/// turns are folded into one short note.
struct ContextGuard: Sendable {
    /// The model's context size in tokens.
    let contextTokens: Int
    /// From this share of the context, the guard folds.
    var high = 0.75
    /// It folds until the conversation is under this share.
    var low = 0.5

    /// A rough token count of text: about four characters a token.
    static func tokens(_ text: String) -> Int { tokens(bytes: text.utf8.count) }

    /// A rough token count of a text of `bytes` UTF-8 bytes.
    static func tokens(bytes: Int) -> Int { (bytes + 3) / 4 + 4 }

    /// A rough token count of what a request sends: its system prompt and every entry.
    static func tokens(of request: ChatRequest) -> Int {
        request.messages.reduce(tokens(request.system)) { $0 + tokens(bytes: $1.contentUTF8Count) }
    }

    /// The conversation folded to fit, with how many entries were folded and the note that
    /// replaced them; nil when it fits as it is.
    func fold(_ messages: [ChatMessage], system: String, names: (AgentID) -> String) -> (messages: [ChatMessage], folded: Int, note: String)? {
        let fixed = Self.tokens(system)
        var total = messages.reduce(fixed) { $0 + Self.tokens(bytes: $1.contentUTF8Count) }
        guard Double(total) > high * Double(contextTokens), messages.count > 1 else { return nil }
        var cut = 0
        while cut < messages.count - 1, Double(total) > low * Double(contextTokens) {
            total -= Self.tokens(bytes: messages[cut].contentUTF8Count)
            cut += 1
        }
        let folded = messages[..<cut]
        let rounds = folded.compactMap(\.round)
        let span = rounds.isEmpty ? "" : (rounds.min() == rounds.max() ? " (round \(rounds.min()!))" : " (rounds \(rounds.min()!)–\(rounds.max()!))")
        var points: [String] = []
        for entry in folded {
            guard let first = entry.text.sentences.first else { continue }
            let who = entry.kind == .own ? "you" : entry.speaker.map(names) ?? "someone"
            let point = first.count > 100 ? String(first.prefix(97)) + "..." : first
            points.append("\(who): \(point)")
        }
        let note = "Earlier in the debate\(span), in short — " + points.joined(separator: " / ")
        return ([Self.entry(note, folding: folded)] + messages[cut...], cut, note)
    }

    /// The entry that stands for `folded` entries in a conversation: the note that sums them up.
    static func entry(_ note: String, folding folded: ArraySlice<ChatMessage>) -> ChatMessage {
        PromptBuilder.fold(note: note, round: folded.compactMap(\.round).max())
    }
}
