import Foundation

/// A file's bytes, read only from a regular file (a debate file, a recording): a folder, a device
/// (`/dev/zero`, `/dev/null`), a pipe or a socket is refused for what it is, and nothing waits
/// on a pipe that no one writes.
public enum RegularFile {
    /// Why a path cannot be read, as the user needs to hear it.
    public struct Unreadable: Error, Sendable {
        /// What is wrong: `no such file`, `it is a pipe (FIFO), not a regular file`.
        public let reason: String
        /// What to do, when there is something useful to say (`check the path`).
        public let suggestion: String?
        /// Whether the path names a file of some kind (only not a regular one, or not readable).
        public let exists: Bool
    }

    /// The whole file at `path`.
    /// - Throws: ``Unreadable`` when it does not exist, may not be read, is not a regular file
    ///   (the kind is named), or fails while being read.
    public static func read(_ path: String) throws(Unreadable) -> Data {
        // Opening without waiting: a pipe opened to read would otherwise wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(errno: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = errno
            close(descriptor)
            throw unreadable(errno: failure)
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw Unreadable(reason: description(ofKind: kind), suggestion: nil, exists: true)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw Unreadable(reason: (error as NSError).localizedDescription, suggestion: nil, exists: true)
        }
    }

    /// What a file that is not a regular one is.
    private static func description(ofKind kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "it is a folder"
        case S_IFCHR: "it is a device (like /dev/null), not a regular file"
        case S_IFBLK: "it is a block device, not a regular file"
        case S_IFIFO: "it is a pipe (FIFO), not a regular file"
        case S_IFSOCK: "it is a socket, not a regular file"
        default: "it is not a regular file"
        }
    }

    /// The problem an `open` or `fstat` failure stands for.
    private static func unreadable(errno failure: Int32) -> Unreadable {
        switch failure {
        case ENOENT, ENOTDIR:
            Unreadable(reason: "no such file", suggestion: "check the path", exists: false)
        case EACCES, EPERM:
            Unreadable(reason: "permission denied", suggestion: "check that you may read the file", exists: true)
        default:
            Unreadable(reason: String(cString: strerror(failure)), suggestion: nil, exists: true)
        }
    }
}
