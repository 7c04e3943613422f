import TerminalKit

/// What the observer needs of a terminal: keys in, frames out. TerminalKit's `Screen` is one;
/// tests use a fake that records its frames.
@MainActor
public protocol ObserverTerminal: AnyObject {
    /// Batches of keys as typed, `.resize` included; waiting on it costs no CPU. It ends when
    /// the terminal goes away.
    var input: AsyncStream<[Key]> { get }
    /// The terminal's size now.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (only what changed since the last one needs to be written).
    func present(_ canvas: Canvas)
    /// Places the cursor, or hides it (nil).
    func setCursor(_ point: Point?)
    /// Forgets what is on the terminal, so that the next frame is written whole.
    func invalidate()
}
