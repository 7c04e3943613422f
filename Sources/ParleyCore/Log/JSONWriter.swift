/// A small, fast writer of compact JSON into bytes, for the event log's hot path
/// (Foundation's encoder is an order of magnitude slower per event).
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]
    private var needsComma = false

    /// Makes an empty writer.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    /// Writes an object whose fields `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes an array whose elements `body` writes with the `element` methods.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":` after a comma where one is due; a value must follow.
    public mutating func key(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string field.
    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes an integer field.
    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    /// Writes a number field (`null` for infinities and NaN, which JSON cannot hold).
    public mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    /// Writes a boolean field.
    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    /// Writes a field holding a value that writes itself.
    public mutating func field(_ name: String, _ value: some JSONWritable) {
        key(name)
        value.write(to: &self)
    }

    /// Writes a field only when the value is there.
    public mutating func optionalField(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    /// Writes a field only when the value is there.
    public mutating func optionalField(_ name: String, _ value: Int?) {
        if let value { field(name, value) }
    }

    /// Writes a field only when the value is there.
    public mutating func optionalField(_ name: String, _ value: Double?) {
        if let value { field(name, value) }
    }

    /// Writes a field only when the value is there.
    public mutating func optionalField(_ name: String, _ value: (some JSONWritable)?) {
        if let value { field(name, value) }
    }

    /// Writes a string as an array element or a bare value.
    public mutating func element(_ value: String) {
        separate()
        string(value)
    }

    /// Writes a self-writing value as an array element or a bare value.
    public mutating func element(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    /// Writes a number as an array element or a bare value (`null` for infinities and NaN).
    public mutating func element(_ value: Double) {
        separate()
        number(value)
    }

    /// Writes a boolean as an array element or a bare value.
    public mutating func element(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    /// Writes `null` as an array element or a bare value.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: Array("null".utf8))
        needsComma = true
    }

    /// Writes an integer as an array element or a bare value.
    public mutating func element(_ value: Int) {
        separate()
        number(value)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    private mutating func number(_ value: Double) {
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                bytes.append(contentsOf: String(Int(value)).utf8)
            } else {
                bytes.append(contentsOf: value.description.utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        needsComma = true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a string, escaped so that no control character survives raw: C0, DEL and the C1
    /// controls (U+0080–U+009F, which some terminals obey as 8-bit escapes) become `\uXXXX`.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let isC1 = byte == 0xC2 && index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1])
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || isC1 else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: unicodeEscape(isC1 ? utf8[index + 1] : byte)
                }
                index += isC1 ? 2 : 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `\u00XX` for a code point below 0x100.
    private mutating func unicodeEscape(_ codePoint: UInt8) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
        bytes.append(Self.hex[Int(codePoint >> 4)])
        bytes.append(Self.hex[Int(codePoint & 0xF)])
    }
}

/// A value that writes itself as one JSON value.
public protocol JSONWritable {
    /// Writes the value.
    func write(to writer: inout JSONWriter)
}

extension String: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.element(self) }
}

extension Int: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.element(self) }
}
