import ParleyCore

/// An object of a recorded spec, read field by field; what is missing or wrong is a
/// ``RecordedSpecError`` naming the field's path.
struct RecordedFields {
    let value: JSONValue
    /// Where the object sits: `debate.spec.backends.local`.
    let path: String

    init(_ value: JSONValue, at path: String) {
        self.value = value
        self.path = path
    }

    func wrong(_ key: String, _ found: String) -> RecordedSpecError {
        RecordedSpecError(field: "\(path).\(key)", reason: "'\(found)' is not a value this Parley knows; upgrade Parley")
    }

    private func field(_ key: String) throws -> JSONValue {
        guard let field = value[key], field != .null else {
            throw RecordedSpecError(field: "\(path).\(key)", reason: "missing; the recording may be damaged")
        }
        return field
    }

    private func optional(_ key: String) -> JSONValue? {
        guard let field = value[key], field != .null else { return nil }
        return field
    }

    private func mistyped(_ key: String, _ kind: String) -> RecordedSpecError {
        RecordedSpecError(field: "\(path).\(key)", reason: "should be \(kind); the recording may be damaged")
    }

    private func typed<T>(_ key: String, _ kind: String, _ value: JSONValue?, _ read: (JSONValue) -> T?) throws -> T? {
        guard let value else { return nil }
        guard let typed = read(value) else { throw mistyped(key, kind) }
        return typed
    }

    func string(_ key: String) throws -> String { try typed(key, "a text", try field(key), \.string)! }
    func optionalString(_ key: String) throws -> String? { try typed(key, "a text", optional(key), \.string) }
    func number(_ key: String) throws -> Double { try typed(key, "a number", try field(key), \.number)! }
    func optionalNumber(_ key: String) throws -> Double? { try typed(key, "a number", optional(key), \.number) }
    func int(_ key: String) throws -> Int { try typed(key, "a whole number", try field(key), \.int)! }
    func optionalInt(_ key: String) throws -> Int? { try typed(key, "a whole number", optional(key), \.int) }
    func bool(_ key: String) throws -> Bool { try typed(key, "true or false", try field(key), \.bool)! }

    func fields(_ key: String) throws -> RecordedFields {
        let field = try field(key)
        guard field.object != nil else { throw mistyped(key, "an object") }
        return RecordedFields(field, at: "\(path).\(key)")
    }

    func optionalFields(_ key: String) throws -> RecordedFields? {
        guard let field = optional(key) else { return nil }
        guard field.object != nil else { throw mistyped(key, "an object") }
        return RecordedFields(field, at: "\(path).\(key)")
    }

    func list(_ key: String) throws -> [RecordedFields] {
        guard let items = try field(key).array else { throw mistyped(key, "a list") }
        return items.enumerated().map { RecordedFields($0.element, at: "\(path).\(key)[\($0.offset)]") }
    }

    func optionalList(_ key: String) throws -> [RecordedFields]? {
        guard optional(key) != nil else { return nil }
        return try list(key)
    }

    /// The object's fields by key.
    func entries() throws -> [String: RecordedFields] {
        guard let object = value.object else { throw RecordedSpecError(field: path, reason: "should be an object") }
        return Dictionary(uniqueKeysWithValues: object.map { ($0.key, RecordedFields($0.value, at: "\(path).\($0.key)")) })
    }

    /// This value as a text (a list's element).
    func text() throws -> String {
        guard let text = value.string else { throw RecordedSpecError(field: path, reason: "should be a text") }
        return text
    }
}
