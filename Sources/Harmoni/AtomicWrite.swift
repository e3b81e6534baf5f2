import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file of a write transaction (``FileAccess/writeAll(_:)``).
public struct FileWrite: Sendable, Equatable {
    /// The path as the user wrote it (shown in messages).
    public var shown: String
    /// The path to write: absolute, or relative to the process's working directory.
    public var target: String
    /// The text to write (ignored when ``bytes`` is set).
    public var text: String
    /// The bytes of a binary file (an `.xlsx` workbook), if this is one.
    public var bytes: [UInt8]?
    /// True if an existing regular file may be replaced.
    public var overwrite: Bool

    /// Creates one write; `shown` defaults to `target`.
    public init(_ text: String, bytes: [UInt8]? = nil, to target: String, shown: String? = nil, overwrite: Bool) {
        self.text = text
        self.bytes = bytes
        self.target = target
        self.shown = shown ?? target
        self.overwrite = overwrite
    }

    /// The bytes that go into the file.
    var contents: [UInt8] { bytes ?? Array(text.utf8) }
}

/// Writes files all or nothing, leaving no temporary file behind.
///
/// The scheme (docs/RELIABILITY.md):
/// 1. Every target is checked before anything is written: its name fits the file system, what is
///    at the path (not following a final symbolic link) is absent or a regular file that may be
///    replaced, and the nearest existing folder above it is a folder.
/// 2. Missing folders are made, then each file's text goes into an *unnamed* file in its folder
///    (Linux `O_TMPFILE`), written and flushed to disk. A process killed now leaves nothing.
/// 3. A file that replaces another is given a short temporary name (`.harmoni-PID-N.tmp`).
/// 4. New files are linked under their names (`linkat`, which never replaces anything), then the
///    temporary names are renamed over the old files (`rename(2)`, atomic).
///
/// A failure in steps 1–3, or while linking new files, removes every temporary file, every new
/// file and every folder made, so the disk is as it was. Only a kill in the instant between steps 3
/// and 4 can leave a temporary name; each write first removes the temporaries of processes that no
/// longer run from the folders it writes to. Where `O_TMPFILE` is not supported, step 2 uses the
/// temporary name at once.
public enum AtomicWrite {
    /// Writes all of `bytes` to `descriptor`, again after a short write or EINTR; the error
    /// number on failure, nil on success. (The one byte loop of every write: here and ``AppendFile``.)
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // A write of nothing for a non-empty request would loop for ever.
            if count == 0 { return EIO }
            written += count
        }
        return nil
    }

    /// The prefix of every temporary file name.
    static let prefix = ".harmoni-"

    /// Writes all `writes`, or none of them (see the type's description).
    static func writeAll(_ writes: [FileWrite]) throws(FileWriteError) {
        // The last write to a target wins, as when the files are written one after the other.
        var unique: [FileWrite] = []
        for write in writes {
            if let index = unique.firstIndex(where: { $0.target == write.target }) { unique.remove(at: index) }
            unique.append(write)
        }
        var plans: [Plan] = []
        for write in unique { plans.append(try check(write)) }
        var transaction = Transaction()
        do throws(FileWriteError) {
            for plan in plans { try transaction.makeFolders(plan) }
            for plan in plans { removeStaleTemporaries(in: plan.folder, name: plan.name) }
            for index in plans.indices { try transaction.stage(&plans[index]) }
            for plan in plans where !plan.replaces { try transaction.linkNew(plan) }
        } catch {
            transaction.rollBack(plans)
            throw error
        }
        var failure: FileWriteError?
        for plan in plans where plan.replaces {
            if rename(plan.temporary!, plan.write.target) != 0, failure == nil {
                failure = .refused(plan.write.shown, errno)
                unlink(plan.temporary!)
            }
        }
        transaction.closeAll(plans)
        if let failure { throw failure }
    }

    /// What step 1 found out about one write.
    struct Plan {
        var write: FileWrite
        /// The folder the file goes into (may not exist yet) and the file's name in it.
        var folder: String
        var name: String
        /// The folders to make, outermost first.
        var missingFolders: [String]
        /// True if a regular file is there now and will be replaced.
        var replaces: Bool
        /// The unnamed file's descriptor, once staged.
        var descriptor: Int32 = -1
        /// The temporary name, once given one.
        var temporary: String?
    }

    /// Step 1 for one write.
    static func check(_ write: FileWrite) throws(FileWriteError) -> Plan {
        let path = write.target
        let shown = write.shown
        guard !path.isEmpty, !path.hasSuffix("/") else { throw .notAFile(shown) }
        let name = (path as NSString).lastPathComponent
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        if name.utf8.count > Int(NAME_MAX) { throw .nameTooLong(shown) }
        if TerminalText.sanitize(path) != path { throw .invisibleCharacters(TerminalText.sanitize(shown)) }
        if path.utf8.count >= Int(PATH_MAX) { throw .nameTooLong(shown) }
        for component in path.split(separator: "/") where component.utf8.count > Int(NAME_MAX) {
            throw .nameTooLong(shown)
        }
        var info = stat()
        var replaces = false
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                guard write.overwrite else { throw .exists(shown) }
                replaces = true
            case S_IFLNK: throw .symbolicLink(shown)
            case S_IFDIR: throw .notAFile(shown)
            default: throw .notRegular(shown)
            }
        } else if errno != ENOENT {
            throw errno == ENOTDIR ? .folderIsFile(shown, nearestFile(folder) ?? folder) : .refused(shown, errno)
        }
        // The folder, or the nearest existing folder above it, must be a folder we may write in.
        var missing: [String] = []
        var existing = folder
        while stat(existing, &info) != 0 {
            guard errno == ENOENT else {
                throw errno == ENOTDIR ? .folderIsFile(shown, nearestFile(existing) ?? existing) : .refused(shown, errno)
            }
            missing.insert(existing, at: 0)
            let parent = (existing as NSString).deletingLastPathComponent
            existing = parent.isEmpty ? "." : parent
            if existing == missing.first { break }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .folderIsFile(shown, existing) }
        if access(existing, W_OK | X_OK) != 0 { throw .refused(shown, errno) }
        return Plan(write: write, folder: folder, name: name, missingFolders: missing, replaces: replaces)
    }

    /// The first component of `folder` (from the left) that exists and is not a folder.
    static func nearestFile(_ folder: String) -> String? {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        var info = stat()
        for component in folder.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if stat(prefix, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { return prefix }
        }
        return nil
    }

    /// Removes `.harmoni-PID-N.tmp` files of processes that no longer run from `folder`, and the
    /// `.NAME.PID.tmp` files that earlier versions wrote beside `name`.
    static func removeStaleTemporaries(in folder: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let middle = entry.dropLast(4)
            let pid: Int32?
            if middle.hasPrefix(prefix) {
                pid = middle.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            } else if middle.hasPrefix("." + name + ".") {
                pid = Int32(middle.dropFirst(name.utf8.count + 2))
            } else {
                continue
            }
            guard let pid, pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink((folder as NSString).appendingPathComponent(entry)) }
        }
    }

    /// What has been done so far, to undo on failure.
    struct Transaction {
        var madeFolders: [String] = []
        var linked: [String] = []
        static let counter = Atomic()

        mutating func makeFolders(_ plan: Plan) throws(FileWriteError) {
            for folder in plan.missingFolders where !madeFolders.contains(folder) {
                if mkdir(folder, 0o777) != 0, errno != EEXIST {
                    throw .refused(plan.write.shown, errno)
                }
                madeFolders.append(folder)
            }
        }

        /// Step 2 and 3: the text in an unnamed file (or a temporary one), flushed.
        mutating func stage(_ plan: inout Plan) throws(FileWriteError) {
            let shown = plan.write.shown
            var descriptor: Int32 = -1
            #if os(Linux)
                descriptor = open(plan.folder, AtomicWrite.unnamedFileFlag | O_WRONLY | O_CLOEXEC, 0o666)
            #endif
            if descriptor < 0 {
                let temporary = AtomicWrite.temporaryName(in: plan.folder)
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
                guard descriptor >= 0 else { throw .refused(shown, errno) }
                plan.temporary = temporary
            }
            plan.descriptor = descriptor
            if let error = AtomicWrite.writeAll(plan.write.contents, to: descriptor) { throw .refused(shown, error) }
            if fsync(descriptor) != 0, errno != EINVAL { throw .refused(shown, errno) }
            guard plan.replaces, plan.temporary == nil else { return }
            let temporary = AtomicWrite.temporaryName(in: plan.folder)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                throw .refused(shown, errno)
            }
            plan.temporary = temporary
        }

        /// Step 4 for a new file: its name, never replacing what appeared meanwhile.
        mutating func linkNew(_ plan: Plan) throws(FileWriteError) {
            let target = plan.write.target
            let result: Int32
            if let temporary = plan.temporary {
                result = link(temporary, target)
                if result == 0 { unlink(temporary) }
            } else {
                result = linkat(AT_FDCWD, "/proc/self/fd/\(plan.descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW)
            }
            guard result == 0 else {
                throw errno == EEXIST ? .exists(plan.write.shown) : .refused(plan.write.shown, errno)
            }
            linked.append(target)
        }

        /// Undoes everything: temporaries, new files, folders made (innermost first).
        func rollBack(_ plans: [Plan]) {
            for plan in plans {
                if let temporary = plan.temporary { unlink(temporary) }
            }
            for target in linked { unlink(target) }
            closeAll(plans)
            for folder in madeFolders.reversed() { rmdir(folder) }
        }

        func closeAll(_ plans: [Plan]) {
            for plan in plans where plan.descriptor >= 0 { close(plan.descriptor) }
        }
    }

    /// A fresh temporary name in `folder`: `.harmoni-PID-N.tmp`.
    static func temporaryName(in folder: String) -> String {
        let number = Transaction.counter.next()
        return (folder as NSString).appendingPathComponent("\(prefix)\(getpid())-\(number).tmp")
    }

    #if os(Linux)
        /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
        static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY
    #endif
}

/// A counter shared by all threads (temporary names must not collide).
final class Atomic: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Norwegian and English texts for the system's error numbers (never a raw Foundation message).
enum SystemError {
    /// The text for an error number in `language`.
    static func text(_ code: Int32, _ language: DisplayLanguage) -> String {
        let nb = language == .nb
        switch code {
        case ENOENT: return nb ? "mappen eller filen finnes ikke" : "no such file or folder"
        case EACCES, EPERM: return nb ? "ingen tilgang" : "permission denied"
        case ENOSPC: return nb ? "disken er full" : "the disk is full"
        case EDQUOT: return nb ? "diskkvoten er brukt opp" : "the disk quota is used up"
        case EROFS: return nb ? "filsystemet er skrivebeskyttet" : "the file system is read-only"
        case ENAMETOOLONG: return nb ? "filnavnet er for langt" : "the file name is too long"
        case ENOTDIR: return nb ? "en del av stien er ikke en mappe" : "a part of the path is not a folder"
        case EISDIR: return nb ? "det er en mappe" : "it is a folder"
        case EEXIST: return nb ? "filen finnes fra før" : "the file already exists"
        case EXDEV: return nb ? "ikke på samme filsystem" : "not on the same file system"
        case EIO: return nb ? "lese- eller skrivefeil på disken" : "input/output error on the disk"
        case EMFILE, ENFILE: return nb ? "for mange åpne filer" : "too many open files"
        case ELOOP: return nb ? "for mange symbolske lenker i stien" : "too many symbolic links in the path"
        case EFBIG: return nb ? "filen er for stor" : "the file is too large"
        default: return nb ? "systemfeil nr. \(code)" : "system error \(code)"
        }
    }
}
