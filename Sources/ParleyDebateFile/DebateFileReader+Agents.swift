import ParleyCore
import ParleyEngine
import ParleyFiles
import Yams

/// `agents` and `facilitator`: who debates, on which backend, and who listens.
extension DebateFileReader {
    /// The keys an agent may have.
    static let agentKeys = ["id", "name", "role", "backend", "colour", "color", "system_prompt", "arguments", "prompt_style"]

    /// Model settings people put on an agent, which belong to its backend.
    static let backendSettings: [String: String] = Dictionary(
        uniqueKeysWithValues: BackendKind.allKeys.filter { $0 != "type" }.map { key in
            (key, "an agent names a backend (backend: NAME); set '\(key)' on that backend under backends")
        }
    )

    /// The agents under `agents`, in ring order; each problem reported where it is.
    mutating func agents(in fields: Fields, backends: BackendCatalog) -> [AgentSpec] {
        let path = fields.path.key("agents")
        guard let node = fields["agents"] else {
            missing("agents", in: fields, suggestion: "add a list of 2 to 9 agents, each with an id and a role")
            return []
        }
        guard case .sequence(let list) = node else {
            expected("a list of 2 to 9 agents", at: node, path: path)
            return []
        }
        let limits = DebateFile.agentLimits
        if list.count < limits.lowerBound {
            report(
                "\(path.name): a debate needs \(limits.lowerBound) to \(limits.upperBound) agents, found \(list.count)",
                at: node.position, path: path, suggestion: "add another agent: peers debate each other"
            )
        } else if list.count > limits.upperBound {
            report(
                "\(path.name): a debate has at most \(limits.upperBound) agents, found \(list.count)",
                at: list[limits.upperBound].position, path: path.index(limits.upperBound),
                suggestion: "remove \(list.count - limits.upperBound) of them, or split the debate"
            )
        }
        var agents: [AgentSpec] = []
        var seen: [AgentID: (index: Int, line: Int)] = [:]
        for (index, item) in list.enumerated() {
            if let agent = agent(item, at: path.index(index), backends: backends) {
                if let first = seen[agent.id] {
                    let idPath = path.index(index).key("id")
                    let owner = "\(path.index(first.index).name) (line \(first.line))"
                    report(
                        "\(idPath.name): the id \(SourceText.quoted(agent.id.rawValue)) is already taken by \(owner)",
                        at: idPosition(of: item), path: idPath, suggestion: "give each agent its own id"
                    )
                } else {
                    seen[agent.id] = (index, item.position?.line ?? 0)
                }
                agents.append(agent)
            }
        }
        return agents
    }

    /// One agent; nil when its id cannot be read (other problems are reported, the agent kept).
    private mutating func agent(_ node: Node, at path: FieldPath, backends: BackendCatalog) -> AgentSpec? {
        guard let fields = fields(
            of: node, at: path, expecting: "an agent (a mapping with id, role, ...)", keys: Self.agentKeys,
            elsewhere: Self.backendSettings
        ) else { return nil }
        let id = required("id", in: fields, suggestion: "add a short lowercase id, like id: pm") { $0.agentID($1, at: $2) }
        let name = optional("name", in: fields) { $0.text($1, at: $2) }
        let role = required("role", in: fields, suggestion: "add what the agent argues from, like role: Product manager") {
            $0.text($1, at: $2)
        }
        let backend = optional("backend", in: fields) { $0.backendName($1, at: $2, among: backends) }
        let colour = colour(in: fields)
        let systemPrompt = optional("system_prompt", in: fields) { $0.text($1, at: $2) }
        let arguments = optional("arguments", in: fields) { $0.texts($1, at: $2, expecting: "a list of arguments (texts)") }
        let promptStyle = optional("prompt_style", in: fields) { $0.promptStyle($1, at: $2) }
        let backendName = backend ?? DebateSpec.scriptedBackend
        let backendKnown = backend != nil || fields["backend"] == nil
        if backendKnown, backends.kind(of: backendName) == .scripted {
            if fields["arguments"] == nil {
                missing(
                    "arguments", in: fields,
                    suggestion: "a scripted agent argues from its arguments: add a list of them, or give it a model backend"
                )
            } else if arguments?.isEmpty == true, let node = fields["arguments"] {
                report(
                    "\(path.key("arguments").name): a scripted agent needs at least one argument", at: node.position,
                    path: path.key("arguments"), suggestion: "add what it argues, or give it a model backend"
                )
            }
        }
        guard let id else { return nil }
        return AgentSpec(
            id: id, name: name ?? id.rawValue, role: role ?? "", backend: backendName, colour: colour,
            systemPrompt: systemPrompt, arguments: arguments ?? [],
            promptStyle: promptStyle ?? backends.promptStyles[backendName] ?? .full
        )
    }

    /// An agent's id: lowercase letters, digits, `-` and `_`, starting with a letter, not reserved.
    private mutating func agentID(_ node: Node, at path: FieldPath) -> AgentID? {
        guard let text = text(node, at: path, expecting: "an id (lowercase letters, digits, - and _)") else { return nil }
        let valid = text.first.map { $0.isASCII && $0.isLowercase } == true
            && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
            && text.last.map { $0 != "-" && $0 != "_" } == true
        guard valid, text.count <= 24 else {
            let fixed = Self.idLike(text)
            report(
                "\(path.name): \(SourceText.quoted(text)) is not a valid id; ids are up to 24 lowercase letters, digits, - and _, starting with a letter",
                at: node.position, path: path, suggestion: fixed.map { "did you mean \(SourceText.quoted($0))?" }
            )
            return nil
        }
        let id = AgentID(text)
        guard !DebateFile.reservedIDs.contains(id) else {
            let reserved = DebateFile.reservedIDs.map(\.rawValue).sorted().joined(separator: ", ")
            report(
                "\(path.name): the id \(SourceText.quoted(text)) is reserved (\(reserved) are)", at: node.position, path: path,
                suggestion: "choose another id"
            )
            return nil
        }
        return id
    }

    /// A valid id close to `text` (`Product Manager` → `product-manager`), when there is one.
    private static func idLike(_ text: String) -> String? {
        var id = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "_" {
                id.append(character)
            } else if !id.isEmpty, id.last != "-", character == " " || character == "-" || character == "." {
                id.append("-")
            }
        }
        while let last = id.last, last == "-" || last == "_" { id.removeLast() }
        id = String(id.drop { !$0.isLetter }.prefix(24))
        while let last = id.last, last == "-" || last == "_" { id.removeLast() }
        return id.isEmpty ? nil : id
    }

    /// Where an agent's id is written, or the agent itself when that is all there is.
    private func idPosition(of node: Node) -> SourcePosition? {
        if case .mapping(let mapping) = node, let id = mapping["id"] { return id.position }
        return node.position
    }

    /// A backend name that the debate declares (or `scripted`).
    mutating func backendName(_ node: Node, at path: FieldPath, among backends: BackendCatalog) -> String? {
        guard let name = text(node, at: path, expecting: "the name of a backend") else { return nil }
        guard backends.contains(name) else {
            let suggestion =
                Spelling.closest(to: name, among: backends.names).map { "did you mean '\($0)'?" }
                ?? "declare it under backends, or use one of: \(backends.names.joined(separator: ", "))"
            report(
                "\(path.name): there is no backend named \(SourceText.quoted(name))", at: node.position, path: path,
                suggestion: suggestion
            )
            return nil
        }
        return name
    }
}
