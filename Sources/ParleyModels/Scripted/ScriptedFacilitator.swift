import ParleyCore

/// A deterministic, offline facilitator that summarizes by extraction: each peer's main point
/// of the round, where they agree and disagree, the open questions, and at the end the
/// tradeoffs each side weighs.
public struct ScriptedFacilitator: ChatModel {
    private let stream: WordStream

    public let label = "scripted"
    public let contextTokens: Int? = nil

    /// Makes a facilitator.
    public init(config: ScriptedConfig = ScriptedConfig()) {
        stream = WordStream(wordsPerSecond: config.wordsPerSecond)
    }

    public func reply(to request: ChatRequest, onChunk: @escaping @Sendable (ChatChunk) -> Void) async throws {
        let said = request.messages.filter { $0.kind == .peer || $0.kind == .human }
        let text: String
        switch request.purpose {
        case .summary(.round(let round)): text = Self.roundSummary(round, said.filter { $0.round == round }, request)
        case .summary(.final): text = Self.finalSummary(said, request)
        case .turn: text = Self.roundSummary(0, said, request)
        }
        try await stream.stream(text) { onChunk(.text($0)) }
        let prompt = request.messages.reduce(0) { $0 + WordStream.estimatedTokens($1.content) }
        onChunk(.usage(Usage(promptTokens: prompt, completionTokens: WordStream.estimatedTokens(text))))
    }

    static func roundSummary(_ round: Int, _ said: [ChatMessage], _ request: ChatRequest) -> String {
        guard !said.isEmpty else { return "Round \(round): nobody spoke." }
        let names = request.nameWords
        var lines: [String] = []
        for message in said where message.kind == .peer {
            lines.append("• \(label(message, request)): \(mainPoint(of: message.text))")
        }
        for message in said where message.kind == .human {
            lines.append("• You asked: \(mainPoint(of: message.text))")
        }
        let peers = said.filter { $0.kind == .peer }
        if let common = commonGround(peers, names: names) { lines.append("Common ground: \(common)") }
        let pushback = disagreements(peers, request)
        if !pushback.isEmpty { lines.append("Disagreement: " + pushback.prefix(2).joined(separator: "; ")) }
        let questions = openQuestions(said)
        lines.append("Open questions: " + (questions.isEmpty ? "none raised." : questions.joined(separator: " ")))
        return lines.joined(separator: "\n")
    }

    static func finalSummary(_ said: [ChatMessage], _ request: ChatRequest) -> String {
        let peers = said.filter { $0.kind == .peer }
        let names = request.nameWords
        let rounds = Set(peers.compactMap(\.round)).count
        var lines = ["Tradeoffs after \(rounds) round\(rounds == 1 ? "" : "s"):"]
        var speakers: [AgentID] = []
        for message in peers where !speakers.contains(message.speaker!) { speakers.append(message.speaker!) }
        for speaker in speakers {
            let theirs = peers.filter { $0.speaker == speaker }
            let weighs = topWords(theirs.map(\.text), count: 3, names: names)
            let strongest = theirs.max { weight(of: $0.text, in: weighs) < weight(of: $1.text, in: weighs) }!
            lines.append("• \(label(strongest, request)) weighs \(weighs.joined(separator: ", ")): \(mainPoint(of: strongest.text))")
        }
        if let common = commonGround(peers, names: names) { lines.append("Where they meet: \(common)") }
        let pushback = disagreements(peers, request)
        if !pushback.isEmpty { lines.append("Where they differ: " + pushback.suffix(3).joined(separator: "; ")) }
        let questions = openQuestions(said)
        if !questions.isEmpty { lines.append("Still open: " + questions.suffix(3).joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    /// "Priya (Product manager)".
    static func label(_ message: ChatMessage, _ request: ChatRequest) -> String {
        guard let speaker = message.speaker, let agent = request.participants.first(where: { $0.id == speaker }) else {
            return message.speaker.map { request.name(of: $0) } ?? "someone"
        }
        return "\(agent.name) (\(agent.role))"
    }

    /// The first sentence that makes a claim, without the greeting a persona opens with.
    static func mainPoint(of text: String, limit: Int = 140) -> String {
        let sentences = text.sentences.map(withoutOpening).filter { !$0.isEmpty && !isMarked($0) }
        let point = sentences.first { !$0.hasSuffix("?") && Words.content(in: $0).count >= 3 } ?? sentences.first ?? text
        return point.count > limit ? String(point.prefix(limit - 3)) + "..." : point
    }

    /// What a message argues: its sentences without the opening address.
    static func argued(_ text: String) -> String {
        text.sentences.map(withoutOpening).joined(separator: " ")
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
    static func commonGround(_ peers: [ChatMessage], names: Set<String>) -> String? {
        var speakersOf: [String: Set<AgentID>] = [:]
        var order: [String] = []
        for message in peers {
            for word in Words.content(in: argued(message.text), excluding: names) where word.count >= 4 {
                if speakersOf[word] == nil { order.append(word) }
                speakersOf[word, default: []].insert(message.speaker ?? .human)
            }
        }
        let shared = order.filter { speakersOf[$0]!.count > 1 }
            .sorted { (speakersOf[$0]!.count, $0.count) > (speakersOf[$1]!.count, $1.count) }
            .prefix(3)
        guard !shared.isEmpty else { return nil }
        let everyone = Set(peers.compactMap(\.speaker)).count
        let who = speakersOf[shared[shared.startIndex]]!.count == everyone && everyone > 2 ? "everyone" : "more than one of them"
        return "\(who) came back to \(shared.joined(separator: ", "))."
    }

    /// Who pushes back on whom, and with what point.
    static func disagreements(_ peers: [ChatMessage], _ request: ChatRequest) -> [String] {
        let cues = ["but", "however", "differently", "disagree", "instead", "not convinced"]
        var found: [String] = []
        for message in peers {
            let words = Set(Words.all(in: message.text).map(String.init))
            guard cues.contains(where: words.contains) || message.text.lowercased().contains("not convinced"),
                let speaker = message.speaker
            else { continue }
            let named = request.participants
                .filter { $0.id != speaker && message.text.hasPrefix($0.name) }
                .first.map { " with \($0.name)" } ?? ""
            found.append("\(request.name(of: speaker)) differs\(named): \(mainPoint(of: message.text, limit: 100))")
        }
        return found
    }

    /// Questions asked, each once.
    static func openQuestions(_ said: [ChatMessage]) -> [String] {
        var questions: [String] = []
        for message in said {
            for sentence in message.text.sentences where sentence.hasSuffix("?") {
                var question = withoutOpening(sentence)
                if question.uppercased().hasPrefix("QUESTION:") { question = question.dropFirst(9).trimmingWhitespace() }
                if !questions.contains(question) { questions.append(question) }
            }
        }
        return questions
    }

    static func topWords(_ texts: [String], count: Int, names: Set<String>) -> [String] {
        var frequency: [String: Int] = [:]
        var order: [String] = []
        for text in texts {
            for word in Words.content(in: argued(text), excluding: names) where word.count >= 4 {
                if frequency[word] == nil { order.append(word) }
                frequency[word, default: 0] += 1
            }
        }
        return Array(order.sorted { frequency[$0]! > frequency[$1]! }.prefix(count))
    }

    static func weight(of text: String, in words: [String]) -> Int {
        let content = Words.content(in: text)
        return words.reduce(0) { total, word in total + content.filter { $0 == word }.count }
    }
}
