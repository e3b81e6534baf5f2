import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that results are appended to (the REPL's `.output FILE`): made (or emptied) by an
/// atomic write, under the same rules as every other write (only a regular file is replaced),
/// then each statement's results are appended, so a long session costs the size of what it
/// adds, not of the whole file every time.
public final class AppendFile {
    /// The path the file was opened at.
    public let path: String
    private var descriptor: Int32

    /// Makes `path` an empty file (replacing a regular file there only if `overwrite`), and opens it.
    public init(creating path: String, overwrite: Bool) throws(FileWriteError) {
        try FileAccess.writeAtomically("", to: path, overwrite: overwrite)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .refused(path, errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notRegular(path)
        }
        self.path = path
        self.descriptor = descriptor
    }

    /// Appends `text`; on failure the file keeps what was appended before.
    public func append(_ text: String) throws(FileWriteError) {
        if let error = AtomicWrite.writeAll(Array(text.utf8), to: descriptor) { throw .refused(path, error) }
    }

    deinit { close(descriptor) }
}
