/// Any JSON value, for parts of the event log whose shape belongs to a module above
/// ParleyCore: the debate's spec in the first event (see `DebateInfo.spec`). Objects keep their
/// fields in a dictionary and are written with their keys sorted, so the same value always has
/// the same bytes.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The field `key` of an object; nil for a missing field, or when this is no object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }

    /// The text, when this is a string.
    public var string: String? { if case .string(let text) = self { text } else { nil } }
    /// The number, when this is one.
    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    /// The number as a whole number, when it is one.
    public var int: Int? {
        guard case .number(let value) = self, value == value.rounded(), abs(value) < 9e15 else { return nil }
        return Int(value)
    }
    /// The truth value, when this is one.
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    /// The elements, when this is an array.
    public var array: [JSONValue]? { if case .array(let values) = self { values } else { nil } }
    /// The fields, when this is an object.
    public var object: [String: JSONValue]? { if case .object(let fields) = self { fields } else { nil } }
}

extension JSONValue: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.element(value)
        case .number(let value): writer.element(value)
        case .string(let text): writer.element(text)
        case .array(let values): writer.array { w in for value in values { w.element(value) } }
        case .object(let fields):
            writer.object { w in for key in fields.keys.sorted() { w.field(key, fields[key]!) } }
        }
    }
}

extension JSONValue: Codable {
    fileprivate struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads any JSON value.
    /// - Throws: `DecodingError` only for input that is not JSON.
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var fields: [String: JSONValue] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(fields)
        } else if var list = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !list.isAtEnd { values.append(try list.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }
}

extension JSONValue {
    /// Writes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let fields):
            var object = encoder.container(keyedBy: Key.self)
            for (key, value) in fields { try object.encode(value, forKey: Key(stringValue: key)) }
        case .array(let values):
            var list = encoder.unkeyedContainer()
            for value in values { try list.encode(value) }
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .number(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        }
    }
}
