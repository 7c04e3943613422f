import ParleyCore

/// A deterministic, offline facilitator that summarizes by extraction: each peer's main point
/// of the round, where they agree and disagree, the open questions, and at the end the
/// tradeoffs each side weighs.
public struct ScriptedFacilitator: ChatModel {
    private let stream: WordStream
    private let readings = Readings()

    public let label = "scripted"
    public let contextTokens: Int? = nil

    /// Makes a facilitator.
    public init(config: ScriptedConfig = ScriptedConfig()) {
        stream = WordStream(wordsPerSecond: config.wordsPerSecond)
    }

    nonisolated(nonsending) public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let said = request.messages.filter { $0.kind == .peer || $0.kind == .human }
        let names = Words.KeySet(request.nameWords.map(Words.key))
        let read = said.map { (message: $0, reading: readings.of($0, names: names)) }
        let text: String
        switch request.purpose {
        case .summary(.round(let round)): text = Self.roundSummary(round, read.filter { $0.message.round == round }, request)
        case .summary(.final): text = Self.finalSummary(read, request)
        case .turn(let round): text = Self.roundSummary(round, read.filter { $0.message.round == round }, request)
        }
        try await stream.stream(text) { onChunk(.text($0)) }
        let prompt = request.messages.reduce(0) { $0 + WordStream.estimatedTokens($1.content) }
        onChunk(.usage(Usage(promptTokens: prompt, completionTokens: WordStream.estimatedTokens(text))))
    }

    typealias Read = (message: ChatMessage, reading: Reading)

    static func roundSummary(_ round: Int, _ said: [Read], _ request: ChatRequest) -> String {
        guard !said.isEmpty else { return "Round \(round): nobody spoke." }
        var lines: [String] = []
        for (message, reading) in said where message.kind == .peer {
            lines.append("• \(label(message, request)): \(shortened(reading.point, 140))")
        }
        for (message, reading) in said where message.kind == .human {
            lines.append("• You said: \(shortened(reading.point, 140))")
        }
        let peers = said.filter { $0.message.kind == .peer }
        if let common = commonGround(peers) { lines.append("Common ground: \(common)") }
        let pushback = disagreements(peers, request, first: 2)
        if !pushback.isEmpty { lines.append("Disagreement: " + pushback.joined(separator: "; ")) }
        let questions = openQuestions(said)
        lines.append("Open questions: " + (questions.isEmpty ? "none raised." : questions.joined(separator: " ")))
        return lines.joined(separator: "\n")
    }

    static func finalSummary(_ said: [Read], _ request: ChatRequest) -> String {
        let peers = said.filter { $0.message.kind == .peer }
        let rounds = Set(peers.compactMap(\.message.round)).count
        var lines = ["Tradeoffs after \(rounds) round\(rounds == 1 ? "" : "s"):"]
        // Each speaker's messages, by their place in `peers` (a long debate has many).
        var bySpeaker: [AgentID: [Int]] = [:]
        var speakers: [AgentID] = []
        for (index, read) in peers.enumerated() {
            guard let speaker = read.message.speaker else { continue }
            if bySpeaker[speaker] == nil { speakers.append(speaker) }
            bySpeaker[speaker, default: []].append(index)
        }
        for speaker in speakers {
            let theirs = bySpeaker[speaker]!.map { peers[$0] }
            let weighs = topWords(theirs.map(\.reading.words), count: 3)
            let strongest = theirs.max { weight(of: $0.reading.words, in: weighs) < weight(of: $1.reading.words, in: weighs) }!
            let named = phrases(for: topWords(theirs.map(\.reading.words), count: 8), in: theirs, count: 3)
            lines.append(
                "• \(label(strongest.message, request)) weighs \(listed(named)): \(shortened(strongest.reading.point, 140))")
        }
        if let common = commonGround(peers) { lines.append("Where they meet: \(common)") }
        let pushback = disagreements(peers, request, last: 3)
        if !pushback.isEmpty { lines.append("Where they differ: " + pushback.joined(separator: "; ")) }
        let questions = openQuestions(said)
        if !questions.isEmpty { lines.append("Still open: " + questions.suffix(3).joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    /// A point cut to `limit` characters at a sentence or word end, never mid-word.
    static func shortened(_ text: String, _ limit: Int) -> String {
        Words.cut(text, to: limit)
    }

    /// "Priya (Product manager)".
    static func label(_ message: ChatMessage, _ request: ChatRequest) -> String {
        guard let speaker = message.speaker, let agent = request.participants.first(where: { $0.id == speaker }) else {
            return message.speaker.map { request.name(of: $0) } ?? "someone"
        }
        return "\(agent.name) (\(agent.role))"
    }

    /// Whether a line is a blackboard marker (`CLAIM: ...`), which restates rather than argues.
    static func isMarked(_ sentence: String) -> Bool {
        ["CLAIM:", "QUESTION:", "DECISION:"].contains { sentence.uppercased().hasPrefix($0) }
    }

    /// A sentence without a leading "Name, ...:" address (or the answer to a question).
    static func withoutOpening(_ sentence: String) -> String {
        guard let colon = sentence.firstIndex(of: ":"), sentence.distance(from: sentence.startIndex, to: colon) < 80,
            sentence[..<colon].contains(",") || sentence.hasPrefix("To your question"), !isMarked(sentence)
        else { return sentence }
        let rest = sentence[sentence.index(after: colon)...].trimmingWhitespace()
        guard let first = rest.first else { return sentence }
        return first.uppercased() + rest.dropFirst()
    }

    /// Content words more than one peer used: the most shared first, then the longest.
    static func commonGround(_ peers: [Read]) -> String? {
        // Who used each word, as a bit per speaker (speakers numbered as they first speak).
        var speakerBits: [AgentID: UInt64] = [:]
        var speakersOf: [Words.Key: UInt64] = [:]
        var order: [Words.Key] = []
        for (message, reading) in peers {
            let speaker = message.speaker ?? .human
            let bit = speakerBits[speaker] ?? {
                let bit = UInt64(1) << UInt64(min(speakerBits.count, 63))
                speakerBits[speaker] = bit
                return bit
            }()
            for word in reading.words {
                let before = speakersOf[word]
                if before == nil { order.append(word) }
                speakersOf[word] = (before ?? 0) | bit
            }
        }
        func shares(_ key: Words.Key) -> Int { speakersOf[key]!.nonzeroBitCount }
        // The most shared words, the earliest first among equals (the sort is stable), each
        // said as the noun phrase it stands in.
        let shared = order.filter { shares($0) > 1 }.sorted { shares($0) > shares($1) }
        let topics = phrases(for: shared, in: peers, count: 3)
        guard let first = shared.first(where: { key in peers.contains { $0.reading.phrase(key) != nil } }), !topics.isEmpty else { return nil }
        let everyone = speakerBits.keys.filter { $0 != .human }.count
        let who = shares(first) == everyone && everyone > 2 ? "everyone" : "more than one of them"
        return "\(who) came back to \(listed(topics))."
    }

    /// The noun phrases said around the words with these keys, the first `count` different
    /// ones, in the keys' order; a word said only as a verb gives none, and a phrase inside
    /// another one kept (`feature` in `feature X`) is left out.
    static func phrases(for keys: [Words.Key], in said: [Read], count: Int) -> [String] {
        var found: [String] = []
        for key in keys where found.count < count {
            guard let phrase = said.lazy.compactMap({ $0.reading.phrase(key) }).first else { continue }
            let lower = phrase.lowercased()
            if found.contains(where: { $0.lowercased().contains(lower) }) { continue }
            found.removeAll { lower.contains($0.lowercased()) }
            found.append(phrase)
        }
        return found
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Who pushes back on whom, and with what point: the `first` or the `last` few, in the
    /// order said (only those are worded: a long debate pushes back thousands of times).
    static func disagreements(_ peers: [Read], _ request: ChatRequest, first: Int = .max, last: Int = .max) -> [String] {
        let pushing = peers.lazy.filter { $0.reading.pushesBack && $0.message.speaker != nil }
        let chosen = last < .max ? Array(Array(pushing.reversed().prefix(last)).reversed()) : Array(pushing.prefix(first))
        return chosen.map { message, reading in
            let speaker = message.speaker!
            let named = request.participants
                .first { $0.id != speaker && message.text.hasPrefix($0.name) }
                .map { " with \($0.name)" } ?? ""
            return "\(request.name(of: speaker)) differs\(named): \(shortened(reading.point, 100))"
        }
    }

    /// Questions asked and not yet answered, each once: a question is answered by a later
    /// message that replies to the one asking it, from someone else.
    static func openQuestions(_ said: [Read]) -> [String] {
        // Only messages that ask something can be answered: only their speakers are kept.
        var speakers: [MessageID: AgentID] = [:]
        var answered: Set<MessageID> = []
        for (message, reading) in said {
            if let asked = message.replyTo, let asker = speakers[asked], asker != message.speaker { answered.insert(asked) }
            if !reading.questions.isEmpty, let id = message.messageID, let speaker = message.speaker { speakers[id] = speaker }
        }
        var questions: [String] = []
        for (message, reading) in said where !(message.messageID.map(answered.contains) ?? false) {
            for question in reading.questions where !questions.contains(question) { questions.append(question) }
        }
        return questions
    }

    /// The words used most, the earliest first among equals.
    static func topWords(_ texts: [[Words.Key]], count: Int) -> [Words.Key] {
        var frequency: [Words.Key: Int] = [:]
        var order: [Words.Key] = []
        for words in texts {
            for word in words {
                if frequency[word] == nil { order.append(word) }
                frequency[word, default: 0] += 1
            }
        }
        return Array(order.sorted { frequency[$0]! > frequency[$1]! }.prefix(count))
    }

    static func weight(of words: [Words.Key], in chosen: [Words.Key]) -> Int {
        words.reduce(0) { $0 + (chosen.contains($1) ? 1 : 0) }
    }
}

