/// Streams a scripted reply word by word at a pace, so a demo looks live; at pace 0 the whole
/// reply arrives at once.
struct WordStream: Sendable {
    /// Words per second; 0 means at once.
    var wordsPerSecond: Double

    /// Sends `text` through `send` in pieces of one word (with the white space after it).
    /// - Throws: `CancellationError` when the task is cancelled between words.
    nonisolated(nonsending) func stream(_ text: String, to send: @Sendable (String) -> Void) async throws {
        guard wordsPerSecond > 0 else {
            send(text)
            return
        }
        let pause = Duration.seconds(1 / wordsPerSecond)
        var piece = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                inSpace = true
            } else if inSpace {
                send(piece)
                piece = ""
                inSpace = false
                try await Task.sleep(for: pause)
            }
            piece.append(character)
        }
        if !piece.isEmpty { send(piece) }
    }

    /// A rough token count: about four characters a token, as most tokenizers average on English.
    static func estimatedTokens(_ text: String) -> Int {
        max(1, (text.utf8.count + 3) / 4)
    }
}
