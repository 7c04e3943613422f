import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// `facilitator`: the listener that summarizes each round.
extension DebateFileReader {
    /// The facilitator: absent or `true` for the default one, `false` for none, or a mapping.
    mutating func facilitator(_ node: Node?, at path: FieldPath, backends: BackendCatalog) -> FacilitatorSpec? {
        guard let node else { return FacilitatorSpec() }
        if let on = Self.flag(node) { return on ? FacilitatorSpec() : nil }
        guard let fields = fields(
            of: node, at: path, expecting: "a facilitator (a mapping with name, backend, system_prompt), or false",
            keys: ["name", "backend", "system_prompt"], elsewhere: Self.backendSettings
        ) else { return nil }
        var facilitator = FacilitatorSpec()
        facilitator.name = optional("name", in: fields) { $0.text($1, at: $2) } ?? facilitator.name
        facilitator.backend = optional("backend", in: fields) { $0.backendName($1, at: $2, among: backends) } ?? facilitator.backend
        facilitator.systemPrompt = optional("system_prompt", in: fields) { $0.text($1, at: $2) }
        return facilitator
    }
}
