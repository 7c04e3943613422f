import ParleyCore
import ParleyModels

/// Writes what a model is told: a peer's system prompt and its memory as chat messages, and the
/// facilitator's summary prompts.
struct PromptBuilder: Sendable {
    let spec: DebateSpec
    let participants: [Agent]
    /// "Name (Role): " of each participant, made once: the entries of every broadcast share it.
    private let leads: [AgentID: String]

    init(spec: DebateSpec, participants: [Agent]) {
        self.spec = spec
        self.participants = participants
        var leads: [AgentID: String] = [:]
        for agent in participants where leads[agent.id] == nil { leads[agent.id] = "\(agent.name) (\(agent.role)): " }
        self.leads = leads
    }

    /// A peer's system prompt: its persona, the question, who the others are, the length and
    /// protocol of the debate, how to address a peer, how to post on the blackboard. (The round
    /// comes with each turn's cue.)
    func system(for peer: AgentSpec) -> String {
        if peer.promptStyle == .compact { return compactSystem(for: peer) }
        let others = spec.agents.filter { $0.id != peer.id }
            .map { "@\($0.id.rawValue) (\($0.name), \($0.role))" }
            .joined(separator: ", ")
        var lines = [
            peer.systemPrompt ?? "You are \(peer.name), the \(peer.role).",
            "",
            "The question under debate: \(spec.question)",
            "You debate it with \(others). Nobody chairs: you talk to each other directly. \(floorRule)",
            "Argue from your role. Answer the others by name; build on or rebut what they said. Reply in one short paragraph, in your own words.",
            "To speak only to some peers, start with their @ids. To post on the shared blackboard, add a line starting with CLAIM:, QUESTION: or DECISION:.",
            "A person watching may ask you questions: answer them. A facilitator summarizes each of the \(spec.rounds) rounds.",
        ]
        if !peer.arguments.isEmpty {
            lines += ["", "Points you may draw on:"] + peer.arguments.map { "- \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// A small model's system prompt: the persona and the question, and the points to draw on,
    /// without the debate's mechanics (ids, protocol, blackboard, facilitator), which small
    /// models repeat back rather than follow.
    func compactSystem(for peer: AgentSpec) -> String {
        var lines = [
            peer.systemPrompt ?? "You are \(peer.name), the \(peer.role).",
            "The question: \(spec.question)",
            "Answer as \(peer.name) in two or three sentences of your own. Do not repeat yourself.",
        ]
        if !peer.arguments.isEmpty { lines.append("Your points: " + peer.arguments.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    private var floorRule: String {
        switch spec.floor {
        case .roundRobin: "Peers speak in turn, once each round."
        case .mention: "Name a peer as @id to hand them the floor next; each peer speaks once a round."
        case .simultaneous: "Everyone answers the previous round at the same time, once each round."
        }
    }

    /// The last entry of every turn's request: whose turn it is, so that a model answers as the
    /// peer instead of carrying on the conversation (or the instructions). When the person
    /// watching wrote to the peer since its last turn, the cue ends with what they wrote and asks
    /// for an answer to it first: a person's message is the most important thing a peer hears.
    func turnCue(for peer: AgentSpec, round: Int, opening: Bool, rounds: Int, person: [ChatMessage] = []) -> ChatMessage {
        let place = "(Round \(round) of \(rounds).)"
        guard !person.isEmpty else {
            let text =
                opening
                ? "\(peer.name), what is your position on the question? \(place)"
                : "\(peer.name), what do you say to that? \(place)"
            return ChatMessage(role: .user, content: text, kind: .instruction, round: round)
        }
        let said = person.map { "\($0.addressedToMe ? "To you" : "To everyone"): \($0.text)" }
        let lines =
            ["\(peer.name), the person watching wrote \(person.count == 1 ? "this" : "these") since your last turn:"] + said
            + ["Answer them first, directly and in your own voice; then go on with the debate. \(place)"]
        return ChatMessage(role: .user, content: lines.joined(separator: "\n"), kind: .instruction, round: round)
    }

    /// The last entry of a summary request: what to write now.
    func summaryCue(_ scope: SummaryScope) -> ChatMessage {
        let text: String =
            switch scope {
            case .round(let round): "Write the summary of round \(round) now."
            case .final: "Write the final summary of the tradeoffs now."
            }
        return ChatMessage(role: .user, content: text, kind: .instruction, round: scope.round)
    }

    /// A debate message as the peer `reader` sees it in its memory.
    func entry(_ message: Message, for reader: AgentID) -> ChatMessage {
        guard message.sender == reader else { return heard(message) }
        return ChatMessage(
            role: .assistant, lead: "", text: message.text, kind: .own, speaker: reader, round: message.round,
            messageID: message.id, replyTo: message.replyTo)
    }

    /// A debate message as every peer but its sender sees it (the mesh delivers it once made).
    func heard(_ message: Message) -> ChatMessage {
        let addressed = message.to != .everyone
        if message.sender == .human {
            return ChatMessage(
                role: .user,
                content: "The person watching says \(addressed ? "to you" : "to everyone"): \(message.text)",
                kind: .human, speaker: .human, round: message.round, messageID: message.id,
                addressedToMe: addressed, text: message.text, replyTo: message.replyTo)
        }
        return ChatMessage(
            role: .user, lead: lead(message.sender, addressed: addressed), text: message.text, kind: .peer,
            speaker: message.sender, round: message.round, messageID: message.id, addressedToMe: addressed,
            replyTo: message.replyTo)
    }

    /// What goes before a peer's message in others' memory: "Priya (Product manager): ", or
    /// "Priya (Product manager), to you: " when it was addressed. Made once per speaker when it
    /// was not addressed, so that the entries of every message share it.
    private func lead(_ sender: AgentID, addressed: Bool) -> String {
        let lead = leads[sender] ?? "\(sender.rawValue): "
        return addressed ? lead.dropLast(2) + ", to you: " : lead
    }

    /// A participant's display name.
    @Sendable func name(_ id: AgentID) -> String {
        id == .human ? "you" : participants.first { $0.id == id }?.name ?? id.rawValue
    }

    /// Adds to a peer's memory what it reads at the start of a turn: the messages delivered to it
    /// that it hears now, then the blackboard notes the others posted since it last looked.
    func read(
        _ ready: [Delivery], notes: some Sequence<(note: BlackboardNote, entry: ChatMessage)>, as reader: AgentID,
        into memory: inout [ChatMessage]
    ) {
        memory.append(contentsOf: ready.map(\.entry))
        for (note, entry) in notes where note.author != reader { memory.append(entry) }
    }

    /// A blackboard note as a peer reads it.
    func entry(_ note: BlackboardNote) -> ChatMessage {
        let who = participants.first { $0.id == note.author }?.name ?? note.author.rawValue
        return ChatMessage(
            role: .user, content: "[blackboard] \(note.kind.rawValue) by \(who): \(note.text)", kind: .note,
            speaker: note.author, round: note.round, text: note.text, recordedAs: .note(note.id))
    }

    /// An earlier summary as the facilitator reads it when writing the next.
    func entry(_ summary: Summary) -> ChatMessage {
        ChatMessage(
            role: .user, content: "[\(summary.scope) summary] \(summary.text)", kind: .instruction,
            round: summary.scope.round, recordedAs: .summary(summary.scope))
    }

    /// The entry a context fold leaves in place of the turns it folded.
    static func fold(note: String, round: Int?) -> ChatMessage {
        ChatMessage(role: .user, content: note, kind: .folded, round: round, text: note)
    }

    /// The facilitator's instructions for a summary.
    func facilitatorSystem(_ facilitator: FacilitatorSpec, scope: SummaryScope) -> String {
        let peers = spec.agents.map { "\($0.name) (\($0.role))" }.joined(separator: ", ")
        let task: String =
            switch scope {
            case .round(let round):
                "Summarize round \(round) of \(spec.rounds) in at most 6 short lines: each peer's main point, where they agree, where they disagree, and open questions."
            case .final:
                "The debate is over. Write the final summary of the tradeoffs in at most 8 short lines: what each side weighs, where they agree, where they still differ, and what remains open. Do not pick a winner."
            }
        return [
            facilitator.systemPrompt ?? "You are \(facilitator.name), the facilitator of a debate. You listen; you never take sides or assign turns.",
            "",
            "The question: \(spec.question)",
            "The peers: \(peers).",
            task,
        ].joined(separator: "\n")
    }
}
