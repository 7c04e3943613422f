import Foundation

/// One debate as the server's `GET /debates` lists it.
public struct ServedListing: Decodable, Sendable, Equatable {
    /// Its id in URLs.
    public var id: String
    /// Its title.
    public var title: String
    /// `live`, `paused`, `step`, `concluded`, `finished` or `interrupted`.
    public var state: String
    /// The round being held, and how many it holds.
    public var round: Int
    public var rounds: Int
    /// Its peers' ids.
    public var peers: [String]
    /// When it started, in seconds since 1970.
    public var started: Double

    /// Whether it still runs (it takes commands and its events go on).
    public var runs: Bool { !["finished", "interrupted"].contains(state) }
}
