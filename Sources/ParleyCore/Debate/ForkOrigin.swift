/// Where a forked debate branched off: the recording it was rebuilt from and the turn it
/// starts again at. A fork's first event carries it; the fork's recording holds the shared
/// history (its events up to sequence number ``sharedThrough``) and then the branch.
public struct ForkOrigin: Sendable, Hashable, Codable {
    /// The parent's event log, as the person named it; nil when the fork was made from a
    /// debate that was not recorded to a file.
    public var parent: String?
    /// The turn the fork starts again at: the parent's message of this id is said anew.
    public var message: MessageID
    /// The sequence number (`seq`) of the last event of the shared history, the fork's first
    /// event included: the branch's events come after it.
    public var sharedThrough: Int

    /// Makes an origin.
    public init(parent: String?, message: MessageID, sharedThrough: Int) {
        self.parent = parent
        self.message = message
        self.sharedThrough = sharedThrough
    }
}

extension ForkOrigin: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.optionalField("parent", parent)
            w.field("message", message.rawValue)
            w.field("sharedThrough", sharedThrough)
        }
    }
}
