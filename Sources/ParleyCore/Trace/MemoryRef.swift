/// One entry of what a model was asked, by reference to what the event log already holds, so a
/// turn's trace never copies the conversation. In the log a reference is a short string:
/// `m12` (message #12), `n3` (blackboard note 3), `f2` (the agent's 2nd context fold),
/// `s4` / `sfinal` (the summary of round 4 / the final summary), and `=0-57`: entries 0 up to
/// (not including) 57 of the same agent's previous request, which keeps a trace's size to what
/// changed since that agent's last turn.
public enum MemoryRef: Sendable, Hashable, CustomStringConvertible {
    /// A peer's or the person's message (`messageCompleted`, `humanMessage`).
    case message(MessageID)
    /// A blackboard note (`blackboardNote`), by its id.
    case note(Int)
    /// The agent's n-th context fold (its n-th `contextFolded` event, 1-based).
    case fold(Int)
    /// A facilitator summary (`summaryCompleted`).
    case summary(SummaryScope)
    /// Entries of the same agent's previous request, by position: only in a trace as written.
    case earlier(Range<Int>)

    public var description: String {
        switch self {
        case .message(let id): "m\(id.rawValue)"
        case .note(let id): "n\(id)"
        case .fold(let n): "f\(n)"
        case .summary(.round(let round)): "s\(round)"
        case .summary(.final): "sfinal"
        case .earlier(let range): "=\(range.lowerBound)-\(range.upperBound)"
        }
    }

    /// Reads a reference as ``description`` writes it; nil for anything else.
    public init?(_ text: String) {
        guard let first = text.first else { return nil }
        let rest = text.dropFirst()
        switch first {
        case "m": guard let id = Int(rest) else { return nil }; self = .message(MessageID(id))
        case "n": guard let id = Int(rest) else { return nil }; self = .note(id)
        case "f": guard let n = Int(rest) else { return nil }; self = .fold(n)
        case "s":
            if rest == "final" { self = .summary(.final); return }
            guard let round = Int(rest) else { return nil }
            self = .summary(.round(round))
        case "=":
            let bounds = rest.split(separator: "-")
            guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high else { return nil }
            self = .earlier(low..<high)
        default: return nil
        }
    }
}

extension MemoryRef {
    /// `refs` written against `previous` (the same agent's last request): each run of entries
    /// found in order in `previous` becomes one ``earlier(_:)`` range. Linear in both lengths.
    public static func delta(_ refs: [MemoryRef], against previous: [MemoryRef]) -> [MemoryRef] {
        guard !previous.isEmpty else { return refs }
        var place: [MemoryRef: Int] = [:]
        for (index, ref) in previous.enumerated() where place[ref] == nil { place[ref] = index }
        var written: [MemoryRef] = []
        for ref in refs {
            guard let index = place[ref] else {
                written.append(ref)
                continue
            }
            if case .earlier(let run) = written.last, run.upperBound == index {
                written[written.count - 1] = .earlier(run.lowerBound..<index + 1)
            } else {
                written.append(.earlier(index..<index + 1))
            }
        }
        return written
    }

    /// The references a trace's `delta` stands for, given the same agent's previous request.
    /// - Returns: nil when a range reaches past `previous`.
    public static func expand(_ delta: [MemoryRef], against previous: [MemoryRef]) -> [MemoryRef]? {
        var refs: [MemoryRef] = []
        for ref in delta {
            guard case .earlier(let run) = ref else {
                refs.append(ref)
                continue
            }
            guard run.upperBound <= previous.count else { return nil }
            refs += previous[run]
        }
        return refs
    }
}
