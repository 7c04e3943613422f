import Foundation

/// The model ids an OpenAI-compatible `GET /models` lists: `data[].id` (and llama-server's
/// `aliases`), or Ollama's native `models[].name`.
struct ModelList: Sendable {
    /// The ids listed.
    let ids: [String]

    /// Reads a `/models` answer; an unreadable one lists nothing.
    init(body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            ids = []
            return
        }
        var ids: [String] = []
        for entry in object["data"] as? [[String: Any]] ?? [] {
            if let id = entry["id"] as? String { ids.append(id) }
            ids += entry["aliases"] as? [String] ?? []
        }
        for entry in object["models"] as? [[String: Any]] ?? [] {
            if let name = entry["name"] as? String ?? entry["model"] as? String { ids.append(name) }
        }
        var seen = Set<String>()
        self.ids = ids.filter { seen.insert($0).inserted }
    }

    /// Whether `model` is listed, `llama3.2` matching Ollama's `llama3.2:latest`.
    func contains(_ model: String) -> Bool {
        let wanted = Self.untagged(model)
        return ids.contains { $0 == model || Self.untagged($0) == wanted }
    }

    /// The most ids an error names.
    static let idsShown = 12
    /// The longest id an error quotes whole.
    static let longestIdShown = 60

    /// The error for a model the server does not list, naming (a few of) the ids it does, each
    /// scrubbed, cleaned and capped like any text from a server.
    func missing(_ model: String, on server: ModelServer, url: String) -> ModelError {
        let shown = ids.prefix(Self.idsShown).map { server.quote($0, limit: Self.longestIdShown) }
        let listing = ids.isEmpty ? "it lists none" : "it lists: \(shown.joined(separator: ", "))\(ids.count > Self.idsShown ? ", …" : "")"
        return server.modelNotFound(url: url, otherwise: "change `model` to one it serves", detail: listing)
    }

    private static func untagged(_ id: String) -> String {
        id.hasSuffix(":latest") ? String(id.dropLast(":latest".count)) : id
    }
}
