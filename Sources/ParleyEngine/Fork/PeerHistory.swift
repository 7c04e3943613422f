import ParleyCore
import ParleyModels

/// What one peer brings into a fork: its memory and what it has yet to read, as they were before
/// the fork's turn, rebuilt from the recorded events by the same steps the peer took then.
struct PeerHistory: Sendable {
    /// What it read, said and had folded, oldest first.
    var memory: [ChatMessage] = []
    /// The id of the last blackboard note it looked at.
    var lastNote = 0
    /// Messages delivered to it that it has not read yet.
    var unread: [Delivery] = []
    /// What it said, oldest first: its model takes it up again (``ChatModel/recall(reply:)``).
    var said: [String] = []
    /// The round of its next turn (under simultaneous, the round it waits for).
    var nextRound = 1

    /// A message reached it.
    mutating func receive(_ delivery: Delivery) {
        unread.append(delivery)
    }

    /// Its turn in `round` began: it read what it hears now and the notes posted since it last
    /// looked (as ``Peer`` does).
    mutating func beginTurn(
        _ round: Int, as id: AgentID, ring: [AgentID], rule: FloorProtocol, notes: [BlackboardNote], prompts: PromptBuilder
    ) {
        var ready: [Delivery] = []
        var rest: [Delivery] = []
        for delivery in unread {
            if Floor.isHeard(delivery.message, inTurnOf: round, under: rule) { ready.append(delivery) } else { rest.append(delivery) }
        }
        unread = rest
        ready = Floor.ordered(ready, ring: ring, under: rule)
        let fresh = lastNote < notes.count ? Array(notes[lastNote...]) : []
        prompts.read(ready, notes: fresh.map { ($0, prompts.entry($0)) }, as: id, into: &memory)
        lastNote = fresh.last?.id ?? lastNote
    }

    /// It said `message`.
    mutating func say(_ message: Message, prompts: PromptBuilder) {
        memory.append(prompts.entry(message, for: message.sender))
        said.append(message.text)
    }

    /// Its oldest `turns` entries were folded into `note` to fit its model's context.
    mutating func fold(_ turns: Int, into note: String) {
        let cut = min(max(turns, 0), memory.count)
        memory = [ContextGuard.entry(note, folding: memory[..<cut])] + memory[cut...]
    }
}
