import ParleyFiles
import Yams

extension BackendKind {
    /// The type a backend's mapping declares (`type: openai`, written or merged in with `<<`),
    /// read ahead of its other keys so that an unknown key is reported with the keys of that
    /// type only; nil when it cannot be told (the type is then read and reported as usual).
    static func declared(in node: Node) -> BackendKind? {
        guard case .mapping(let mapping) = node else { return nil }
        var merged: [Node] = []
        for (key, value) in mapping {
            guard case .scalar(let name) = key else { continue }
            if name.isMergeKey {
                if case .sequence(let list) = value { merged += list } else { merged.append(value) }
            } else if name.string == "type" {
                guard case .scalar(let type) = value else { return nil }
                return BackendKind(rawValue: String(Spelling.normalized(type.string)))
            }
        }
        return merged.lazy.compactMap(declared(in:)).first
    }

    /// The keys other backend types have and this one does not, each with whose they are:
    /// `'seed' is a setting of openai backends, not of anthropic ones`.
    var othersKeys: [String: String] {
        var others: [String: String] = [:]
        for key in Self.allKeys where !keys.contains(key) {
            let owners = Self.allCases.filter { $0.keys.contains(key) }.map(\.rawValue)
            others[key] = "'\(key)' is a setting of \(owners.joined(separator: " and ")) backends, not of \(rawValue) ones"
        }
        return others
    }
}
