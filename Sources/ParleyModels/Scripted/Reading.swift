import ParleyCore
import Synchronization

/// What the extractive facilitator reads in one message, worked out once per message.
struct Reading: Sendable {
    /// The keys of the content words of what it argues (openings, names and short words left out).
    let words: [Words.Key]
    /// The questions it asks.
    let questions: [String]
    /// Whether it pushes back ("but", "however", "differently", ...).
    let pushesBack: Bool
    /// The message's text (shared with the message, not a copy), to find a word's text by its
    /// key in what it argues when a summary names the word.
    let text: String

    private static let cues = Words.KeySet(["but", "however", "differently", "disagree", "instead"].map(Words.key))

    init(_ text: String, names: Words.KeySet, words known: (([Words.Key]) -> [Words.Key]) = { $0 }) {
        let sentences = text.sentences.map(ScriptedFacilitator.withoutOpening)
        self.text = text
        words = known(Words.keys(in: Self.argued(sentences), excluding: names, shortest: 4))
        questions = sentences.filter { $0.hasSuffix("?") }.map { sentence in
            sentence.uppercased().hasPrefix("QUESTION:") ? sentence.dropFirst(9).trimmingWhitespace() : sentence
        }
        pushesBack = Words.containsAny(of: Self.cues, in: text)
    }

    /// The first sentence that makes a claim, without the persona's opening address. Worked out
    /// when a summary quotes it (a few messages a summary), not kept for every message.
    var point: String {
        let claims = text.sentences.map(ScriptedFacilitator.withoutOpening).filter { !$0.isEmpty && !ScriptedFacilitator.isMarked($0) }
        return claims.first { !$0.hasSuffix("?") && Words.hasContentWords(3, in: $0) } ?? claims.first ?? text
    }

    /// What a message argues: its sentences without the opening (worked out again when asked
    /// rather than kept, so that a reading holds no copy of the message).
    private static func argued(_ sentences: [String]) -> String {
        sentences.joined(separator: " ")
    }

    /// The noun phrase the message says around the word with this key (`feature X`); nil
    /// where the word reads as a verb.
    func phrase(_ key: Words.Key) -> String? {
        Words.phrase(around: key, in: Self.argued(text.sentences.map(ScriptedFacilitator.withoutOpening)))
    }
}

/// The readings of the messages a facilitator has seen, by message.
final class Readings: Sendable {
    private let cache = Mutex<[MessageID: Reading]>([:])
    /// Every different list of words read, kept once: peers come back to the same arguments
    /// again and again, and a long debate's readings then share their words' storage.
    private let wordLists = Mutex<Set<[Words.Key]>>([])

    /// The reading of a message, from the cache when it was read before.
    func of(_ message: ChatMessage, names: Words.KeySet) -> Reading {
        guard let id = message.messageID else { return Reading(message.text, names: names) }
        if let known = cache.withLock({ $0[id] }) { return known }
        let reading = Reading(message.text, names: names) { words in
            wordLists.withLock { $0.insert(words).memberAfterInsert }
        }
        cache.withLock { $0[id] = reading }
        return reading
    }
}
