import ParleyCore
import ParleyEngine
import ParleyFiles

/// Where a value sits in a debate file, as a user reads it: `agents[1].backend`,
/// `backends.local.base_url`, or `(top level)`.
struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down from a mapping (by key) or a list (by position).
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the top of the file.
    private(set) var steps: [Step] = []

    /// The top of the file.
    static let root = FieldPath()

    /// The value under `key` in the mapping at this path.
    func key(_ key: String) -> FieldPath {
        var path = self
        path.steps.append(.key(key))
        return path
    }

    /// The item at `index` (from 0) in the list at this path.
    func index(_ index: Int) -> FieldPath {
        var path = self
        path.steps.append(.index(index))
        return path
    }

    /// The path as written in messages and in ``DebateFileError/Problem/keyPath``; empty at the top.
    var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where CredentialShape.looksLikeKey(key):
                text += "[…]"
            case .key(let key) where Self.isPlainKey(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\(SourceText.quoted(key, quote: "\""))]"
            }
        }
        return text
    }

    /// The path for a sentence: `(top level)` at the top, the path elsewhere.
    var name: String { steps.isEmpty ? "(top level)" : description }

    /// Whether a key can be written bare in a path (`base_url`), rather than quoted (`["X Title"]`).
    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }
    }
}
