import ParleyCore
import ParleyEngine
import ParleyFiles
import ParleyModels
import Yams

/// The sampling settings people expect beyond temperature and max_tokens — `top_p`,
/// `frequency_penalty`, `presence_penalty`, `stop` and llama.cpp's `repeat_penalty` — and
/// `prompt_style`, on a backend or an agent.
extension DebateFileReader {
    /// The sampling keys of an HTTP backend of `kind` (the ones it may have).
    static func samplingKeys(of kind: BackendKind) -> [String] {
        switch kind {
        case .scripted: []
        case .openai: ["top_p", "frequency_penalty", "presence_penalty", "stop", "repeat_penalty", "prompt_style"]
        case .anthropic: ["top_p", "stop", "prompt_style"]
        }
    }

    /// Reads the sampling keys a backend of `kind` has into `sampling`.
    mutating func readSampling(_ fields: Fields, kind: BackendKind, into sampling: inout Sampling) {
        sampling.topP = optional("top_p", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: "a probability from 0 to 1 (like 0.9)") { (0...1).contains($0) }
        }
        sampling.stop = optional("stop", in: fields) { $0.stopTexts($1, at: $2) }
        guard kind == .openai else { return }
        let penalty = "a penalty from -2 to 2 (0 is none)"
        sampling.frequencyPenalty = optional("frequency_penalty", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: penalty) { (-2...2).contains($0) }
        }
        sampling.presencePenalty = optional("presence_penalty", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: penalty) { (-2...2).contains($0) }
        }
        sampling.repeatPenalty = optional("repeat_penalty", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: "a penalty from 0 to 2 (1 is none; 1.1 to 1.3 curbs loops)") {
                (0...2).contains($0)
            }
        }
    }

    /// `prompt_style`: `full` or `compact`.
    mutating func promptStyle(_ node: Node, at path: FieldPath) -> PromptStyle? {
        choice(node, at: path, among: PromptStyle.allCases.map { ($0.rawValue, $0) })
    }

    /// `stop`: a text or a list of texts, kept as written (a stop text may be or begin with a
    /// line break, like "\n\n"), none of them empty.
    private mutating func stopTexts(_ node: Node, at path: FieldPath) -> [String]? {
        let what = "a stop text or a list of them (like stop: [\"\\n\\n\", \"User:\"])"
        let items: [(Node, FieldPath)]
        switch node {
        case .scalar where !Self.isNull(node): items = [(node, path)]
        case .sequence(let list): items = list.enumerated().map { ($1, path.index($0)) }
        default:
            expected(what, at: node, path: path)
            return nil
        }
        var texts: [String] = []
        for (item, itemPath) in items {
            guard case .scalar(let scalar) = item, !Self.isNull(item), !scalar.string.isEmpty else {
                expected("a stop text that is not empty", at: item, path: itemPath)
                return nil
            }
            texts.append(scalar.string)
        }
        guard !texts.isEmpty else {
            expected(what, at: node, path: path)
            return nil
        }
        return texts
    }
}
