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

    /// The error for a model the server does not list.
    func missing(_ model: String, on server: ModelServer, url: String) -> ModelError {
        let listing = ids.isEmpty ? "it lists none" : "it lists: \(ids.prefix(12).joined(separator: ", "))\(ids.count > 12 ? ", …" : "")"
        let advice = server.address.port == 11434 ? "pull it (ollama pull \(model)) or change `model`" : "change `model` to one it serves"
        return ModelError(
            kind: .http(status: 404), url: url,
            message: "model '\(model)' not found on \(server.address.base) — \(advice) (\(listing))", retryable: false)
    }

    private static func untagged(_ id: String) -> String {
        id.hasSuffix(":latest") ? String(id.dropLast(":latest".count)) : id
    }
}
