import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file of a Unix socket a server listens on: a stale one (left by a server that died) is
/// replaced, a live one (a server answers on it) is an error, and the new socket is created
/// readable and writable by its owner only (0600), so that only they can connect.
enum SocketFile {
    /// Readies `path` for a new socket: nothing there, or a dead server's socket (removed).
    /// - Throws: ``ServeError`` when its folder does not exist, when a server answers on it, or
    ///   when something other than a socket is there.
    static func prepare(_ path: String) throws(ServeError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue else {
            throw ServeError("the folder \(folder) for the socket unix:\(path) does not exist; create it (mkdir -m 700 \(folder)) or choose another path")
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw ServeError("unix:\(path) exists and is not a socket; remove it or choose another path")
        }
        if answers(path) {
            throw ServeError("a server is already listening on unix:\(path); stop it, or choose another path")
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw ServeError("cannot replace the stale socket unix:\(path) (\(String(cString: strerror(errno)))); remove it or choose another path")
        }
    }

    /// Makes the files created from now on private (0600) until ``created(_:previousMask:)``:
    /// the socket is born 0600, with no moment when another user could connect.
    /// - Returns: the file-creation mask to restore.
    static func createPrivately() -> mode_t { umask(0o177) }

    /// Restores the file-creation mask once the socket exists (a server's `bind` returns only
    /// when it stops listening), and makes the socket 0600.
    static func created(_ path: String, previousMask: mode_t) {
        umask(previousMask)
        chmod(path, 0o600)
    }

    /// Whether a server accepts connections on the socket at `path`.
    static func answers(_ path: String) -> Bool {
        #if canImport(Glibc)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return connected == 0
    }
}
