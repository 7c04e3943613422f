import Foundation

/// A file of its own in the temporary directory, for a test or the program it runs to write;
/// removed when the value is no longer used.
public final class ScratchFile: Sendable {
    public let path: String

    /// A path nobody uses; the file is not made (the program under test makes it).
    public init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-kit-\(UUID().uuidString)").path
    }

    /// A path with an empty file made there.
    /// - Throws: when the file cannot be made.
    public static func empty() throws -> ScratchFile {
        let file = ScratchFile()
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// What the file holds, as UTF-8; nil when there is no file.
    public func contents() -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Opens the file; the descriptor remembers which file it was opened on.
    public func opened(_ flags: Int32) -> OpenFile {
        let fd = open(path, flags)
        var info = stat()
        _ = fstat(fd, &info)
        return OpenFile(fd: fd, device: info.st_dev, inode: info.st_ino)
    }
}

/// A file descriptor and the file it was opened on.
public struct OpenFile {
    public let fd: Int32
    public let device: dev_t
    public let inode: ino_t

    /// Whether `fd` still refers to this file: false once it is closed, even if another test has
    /// since opened something else under the same number.
    public var isOpen: Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && info.st_dev == device && info.st_ino == inode
    }
}
