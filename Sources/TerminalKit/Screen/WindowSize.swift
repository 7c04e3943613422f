import CNcursesw

/// The size of a terminal as the kernel reports it.
public enum WindowSize {
    /// The columns of the terminal that file descriptor `fd` writes to; nil when `fd` is not a
    /// terminal or its size is unknown.
    public static func columns(of fd: Int32) -> Int? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard parley_window_size(fd, &rows, &columns) == 0 else { return nil }
        return Int(columns)
    }
}
