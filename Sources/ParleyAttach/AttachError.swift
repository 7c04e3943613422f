/// Why an observer cannot attach to a served debate, said so that the person knows what to do.
public struct AttachError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, where, and what to try.
    public var description: String
    /// Whether trying again later may work (the server could not be reached, or answered with a
    /// 5xx); false when only the person can mend it (a wrong token, an unknown debate).
    public var passes: Bool

    init(_ description: String, passes: Bool = false) {
        self.description = description
        self.passes = passes
    }
}
