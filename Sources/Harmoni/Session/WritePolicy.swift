import Foundation

/// Where statements may write files (`export`, `save`): one policy for every writer.
///
/// A scenario file is data someone may e-mail you (PRODUCT §4), so its statements write only
/// below the working directory, or below a folder the user allowed (`--allow-write`). The policy
/// refuses `..` in a path, absolute paths outside the allowed folders, and paths whose folder is
/// (or passes through) a symbolic link that leads outside: the real path of the deepest existing
/// folder is resolved and checked. The file itself may not be a symbolic link or a folder, and an
/// existing file is replaced only when the statement says `overwrite` or the user gave `--force`.
/// Missing folders below an allowed folder are created.
public enum WritePolicy {
    /// Checks `path` and returns the real absolute path to write to; creates missing folders.
    ///
    /// - Parameters:
    ///   - path: the path as written in the statement, relative to `workingDirectory` or absolute.
    ///   - workingDirectory: the folder relative paths are resolved against; always allowed.
    ///   - allowedFolders: further folders that may be written below (relative ones are resolved
    ///     against `workingDirectory`).
    ///   - overwrite: true if an existing file may be replaced.
    ///   - createFolders: false to only check (a staged write creates its folders when committed).
    public static func resolve(
        _ path: String, workingDirectory: String, allowedFolders: [String] = [], overwrite: Bool, createFolders: Bool = true
    ) throws(WritePolicyError) -> String {
        guard !path.isEmpty else { throw .empty }
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.contains("..") { throw .parentReference(path) }
        let named = components.filter { $0 != "." }
        guard let fileName = named.last, !path.hasSuffix("/") else { throw .notAFile(path) }
        let base = path.hasPrefix("/") ? [] : split(workingDirectory)
        let folders = base + named.dropLast()

        let roots = ([workingDirectory] + allowedFolders).compactMap { folder -> String? in
            realPath(folder.hasPrefix("/") ? folder : "/" + (split(workingDirectory) + split(folder)).joined(separator: "/"))
        }
        // The deepest folder that exists (without following a final symbolic link), resolved.
        var existing = folders.count
        while existing > 0 && !exists("/" + folders.prefix(existing).joined(separator: "/")) { existing -= 1 }
        guard let realExisting = realPath("/" + folders.prefix(existing).joined(separator: "/")) else {
            throw .outside(path)
        }
        let realFolder = ([realExisting == "/" ? "" : realExisting] + folders.dropFirst(existing)).joined(separator: "/")
        let folder = realFolder.isEmpty ? "/" : realFolder
        guard roots.contains(where: { folder == $0 || folder.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw .outside(path)
        }
        let target = (folder == "/" ? "" : folder) + "/" + fileName
        if let type = fileType(target) {
            if type == .typeSymbolicLink { throw .symbolicLink(path) }
            if type == .typeDirectory { throw .notAFile(path) }
            if !overwrite { throw .exists(path) }
        }
        if existing < folders.count, createFolders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateFolder(path, error.localizedDescription)
            }
        }
        return target
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
    }

    /// True if something (even a dangling symbolic link) is at `path`.
    private static func exists(_ path: String) -> Bool { fileType(path) != nil }

    /// The type of what is at `path`, not following a final symbolic link.
    private static func fileType(_ path: String) -> FileAttributeType? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return attributes[.type] as? FileAttributeType
    }

    /// The canonical path with every symbolic link resolved, or `nil` if it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Why a statement may not write to a path.
public enum WritePolicyError: Error, Sendable, Equatable {
    /// No path was given.
    case empty
    /// The path has a `..` component.
    case parentReference(String)
    /// The path leads outside the working directory and the allowed folders.
    case outside(String)
    /// The file is a symbolic link.
    case symbolicLink(String)
    /// The path names a folder, not a file.
    case notAFile(String)
    /// The file exists and overwriting was not asked for.
    case exists(String)
    /// A missing folder could not be created.
    case cannotCreateFolder(String, String)

    /// A user-facing message.
    public func message(_ language: DisplayLanguage) -> String {
        let nb = language == .nb
        switch self {
        case .empty: return nb ? "tom filsti" : "empty file path"
        case .parentReference(let p):
            return nb ? "«\(p)»: «..» er ikke lov i en filsti" : "«\(p)»: «..» is not allowed in a file path"
        case .outside(let p):
            return nb
                ? "«\(p)» er utenfor arbeidsmappen; tillat mappen med --allow-write MAPPE"
                : "«\(p)» is outside the working directory; allow the folder with --allow-write FOLDER"
        case .symbolicLink(let p):
            return nb ? "«\(p)» er en symbolsk lenke; skriver ikke gjennom den" : "«\(p)» is a symbolic link; not writing through it"
        case .notAFile(let p): return nb ? "«\(p)» er en mappe, ikke en fil" : "«\(p)» is a folder, not a file"
        case .exists(let p):
            return nb
                ? "«\(p)» finnes fra før; legg til «overwrite» (eller bruk --force) for å erstatte den"
                : "«\(p)» already exists; add «overwrite» (or use --force) to replace it"
        case .cannotCreateFolder(let p, let reason):
            return nb ? "kunne ikke lage mappen for «\(p)»: \(reason)" : "could not create the folder for «\(p)»: \(reason)"
        }
    }
}
