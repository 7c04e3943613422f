/// One debate as a server's `GET /debates` lists it (`parley serve`), and as `parley attach`
/// reads the list.
public struct DebateListing: Codable, Sendable, Equatable {
    /// Its id in URLs: `/debates/{id}`.
    public var id: String
    /// Its title.
    public var title: String
    /// `live`, `paused` or `step` while it runs; `concluded` once its rounds are done; `finished`
    /// once it ended; `interrupted` for a recording cut short (its server was killed).
    public var state: String
    /// The round being held (0 before the first).
    public var round: Int
    /// How many rounds it holds.
    public var rounds: Int
    /// Its peers' ids.
    public var peers: [String]
    /// When it started, in seconds since 1970.
    public var started: Double
    /// How it ended, once it has.
    public var finish: String?

    /// Makes a listing.
    public init(
        id: String, title: String, state: String, round: Int, rounds: Int, peers: [String], started: Double, finish: String? = nil
    ) {
        self.id = id
        self.title = title
        self.state = state
        self.round = round
        self.rounds = rounds
        self.peers = peers
        self.started = started
        self.finish = finish
    }

    /// Whether it still runs: it takes commands and its events go on.
    public var runs: Bool { !["finished", "interrupted"].contains(state) }
}
