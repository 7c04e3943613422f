import ParleyCore
import Synchronization

/// A deterministic, offline persona that argues from the arguments its debate file gives it.
///
/// On each turn it first answers the person watching, if they wrote to it or to everyone since
/// its last turn, with its argument most related to what they wrote (saying so when none is); otherwise it picks the unused argument most
/// related to what was last said and answers, by name, the peer it builds on. With no argument
/// left it comes back to the one most related (which the repetition guard may flag).
public final class ScriptedPersona: ChatModel {
    /// The arguments, in the debate file's order.
    public let arguments: [String]
    /// Each argument's content words, with their keys.
    private let argumentWords: [[(word: String, key: Words.Key)]]
    private let argumentKeys: [[Words.Key]]
    private let stream: WordStream
    private let used = Mutex<Set<Int>>([])
    /// The words of the participants' names, learnt from the first request (they never change).
    private let names = Mutex<Words.KeySet?>(nil)

    public let label = "scripted"
    public let contextTokens: Int? = nil
    public var repliesAtOnce: Bool { stream.wordsPerSecond <= 0 }

    /// Makes a persona.
    public init(arguments: [String], config: ScriptedConfig = ScriptedConfig()) {
        self.arguments = arguments.isEmpty ? ["I have nothing to add."] : arguments
        argumentWords = self.arguments.map { Words.content(in: $0).map { ($0, Words.key($0)) } }
        argumentKeys = argumentWords.map { Array(Set($0.map(\.key))) }
        stream = WordStream(wordsPerSecond: config.wordsPerSecond)
    }

    nonisolated(nonsending) public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let (text, choice) = compose(for: request)
        onChunk(.choice(choice))
        try await stream.stream(text) { onChunk(.text($0)) }
        used.withLock { _ = $0.insert(choice.argument) }
        // A persona reads its instructions and what was said since its last turn.
        let read = request.messages.reversed().prefix { $0.kind != .own }
        let prompt = read.reduce(WordStream.estimatedTokens(request.system)) { $0 + WordStream.estimatedTokens($1.content) }
        onChunk(.usage(Usage(promptTokens: prompt, completionTokens: WordStream.estimatedTokens(text))))
    }

    /// Marks the argument a reply of its own ends with as used (the longest one it ends with, as
    /// every reply ends with its argument), as if the persona had just said it.
    public func recall(reply text: String) {
        let said = text.trimmingWhitespace()
        guard let index = arguments.indices.filter({ said.hasSuffix(arguments[$0].trimmingWhitespace()) })
            .max(by: { arguments[$0].count < arguments[$1].count })
        else { return }
        used.withLock { _ = $0.insert(index) }
    }

    /// The reply to a request and the argument it uses, with why.
    func compose(for request: ChatRequest) -> (text: String, choice: ArgumentChoice) {
        let names = self.names.withLock { names in
            if names == nil { names = Words.KeySet(request.nameWords.map(Words.key)) }
            return names!
        }
        let unread = request.messages.reversed().prefix { $0.kind != .own }
        // The person first: what they wrote to this persona, else what they wrote to everyone.
        if let person = unread.first(where: { $0.kind == .human && $0.addressedToMe }) ?? unread.first(where: { $0.kind == .human }) {
            let asked = Words.KeySet(Words.keys(in: person.text, excluding: names))
            let index = mostRelated(to: asked, among: Array(arguments.indices))
            let related = argumentKeys[index].contains { asked.contains($0) }
            let choice = ArgumentChoice(
                argument: index, reason: .person, reactsTo: person.messageID, matched: matched(index, in: asked))
            return ("\(Self.answerOpening(person.text, related: related)) \(arguments[index])", choice)
        }
        let unused = used.withLock { used in arguments.indices.filter { !used.contains($0) } }
        guard let last = unread.first(where: { $0.kind == .peer }) ?? request.messages.last(where: { $0.kind == .peer }),
            let speaker = last.speaker
        else {
            let index = unused.first ?? 0
            return (arguments[index], ArgumentChoice(argument: index, reason: unused.isEmpty ? .repeating : .opening))
        }
        let candidates = unused.isEmpty ? Array(arguments.indices) : unused
        let heard = Words.KeySet(Words.keys(in: last.text, excluding: names))
        let index = mostRelated(to: heard, among: candidates)
        // What they spoke of (the longest word shared), as the noun phrase they said it in
        // (`feature X`); a word they used only as a verb is no topic.
        let topic = argumentWords[index].filter { heard.contains($0.key) }.sorted { $0.word.count > $1.word.count }
            .lazy.compactMap { Words.phrase(around: $0.key, in: last.text) ?? Words.phrase(around: $0.key, in: self.arguments[index]) }
            .first
        let opening = Self.opening(
            name: request.name(of: speaker), topic: topic, turn: used.withLock(\.count), repeating: unused.isEmpty)
        let choice = ArgumentChoice(
            argument: index, reason: unused.isEmpty ? .repeating : .peer, reactsTo: last.messageID,
            matched: matched(index, in: heard))
        return ("\(opening) \(arguments[index])", choice)
    }

    /// The words of argument `index` whose keys are among `words`, each once, in the argument's order.
    private func matched(_ index: Int, in words: Words.KeySet) -> [String] {
        var seen: Set<Words.Key> = []
        return argumentWords[index].filter { words.contains($0.key) && seen.insert($0.key).inserted }.map(\.word)
    }

    /// The index among `candidates` of the argument sharing most content words with `words`;
    /// ties go to the earliest.
    func mostRelated(to words: Words.KeySet, among candidates: [Int]) -> Int {
        var best = candidates[0]
        var bestScore = -1
        for index in candidates {
            let score = argumentKeys[index].reduce(0) { $0 + (words.contains($1) ? 1 : 0) }
            if score > bestScore {
                best = index
                bestScore = score
            }
        }
        return best
    }

    /// How a persona opens a reply to a peer: by name, and always ending with a colon, so the
    /// argument that follows stands as its own sentence.
    static func opening(name: String, topic: String?, turn: Int, repeating: Bool) -> String {
        if repeating { return "\(name), as I said before:" }
        guard let topic else {
            return ["\(name), another angle:", "\(name), here is what I would weigh:", "\(name), consider this:"][turn % 3]
        }
        return [
            "\(name), building on your point about \(topic):",
            "\(name), I see \(topic) differently:",
            "\(name), I agree about \(topic), and I would add:",
            "\(name), I hear you on \(topic), but:",
        ][turn % 4]
    }

    /// How a persona opens its answer to the person: quoting them (cut at a word), and saying
    /// so plainly when none of its arguments bears on what they asked.
    static func answerOpening(_ said: String, related: Bool) -> String {
        let trimmed = said.trimmingWhitespace()
        let quoted = "\u{201C}\(Words.cut(trimmed, to: 60))\u{201D}"
        let asked = trimmed.hasSuffix("?")
        switch (asked, related) {
        case (true, true): return "To your question (\(quoted)):"
        case (true, false): return "To your question (\(quoted)): I have nothing on that exactly; what I can say is this:"
        case (false, true): return "To what you said (\(quoted)):"
        case (false, false): return "To what you said (\(quoted)): that is outside what I know; what I would weigh is this:"
        }
    }
}

extension ChatRequest {
    /// The words of the participants' names, which say nothing about what a text is about.
    var nameWords: Set<String> {
        Set(participants.flatMap { Words.all(in: $0.name).map(String.init) + [$0.id.rawValue] })
    }
}
