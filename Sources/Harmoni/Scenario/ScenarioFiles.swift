import Foundation

/// What a scenario may read: datasets (`use dataset`) and scenario files (`include`, `compare`).
///
/// A scenario file is data someone may e-mail you, so it reads nothing else: an included or
/// compared file must be a `.harmoni` file, a dataset a folder of them or one such file, and each
/// must be a regular file (not a device, a pipe or a socket, which could block or never end) of at
/// most ``maximumBytes``. Reading through `..` or a symbolic link is allowed: only writes are
/// confined to the working directory.
enum ScenarioFiles {
    /// The largest file a scenario reads (64 MB): far above any real scenario or dataset.
    static let maximumBytes: UInt64 = 64 << 20

    /// Why `path` may not be included (or compared), or `nil` if it may.
    static func refusal(include path: String, shown: String) -> (nb: String, en: String)? {
        guard path.hasSuffix(".harmoni") else {
            return (
                "«\(shown)» er ikke en .harmoni-fil; et scenario leser bare scenariofiler og datasett",
                "«\(shown)» is not a .harmoni file; a scenario reads only scenario files and datasets"
            )
        }
        return regularFileRefusal(path, shown: shown)
    }

    /// Why `path` may not be used as a dataset, or `nil` if it may.
    static func refusal(dataset path: String, shown: String) -> (nb: String, en: String)? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return ("fant ikke «\(shown)»", "«\(shown)» not found")
        }
        if !isFolder.boolValue { return refusal(include: path, shown: shown) }
        for file in FileAccess.harmoniFiles(in: path) {
            if let refusal = regularFileRefusal(
                file, shown: (shown as NSString).appendingPathComponent((file as NSString).lastPathComponent))
            {
                return refusal
            }
        }
        return nil
    }

    /// Why the file at `path` is not a readable regular file of a sane size, or `nil`.
    private static func regularFileRefusal(_ path: String, shown: String) -> (nb: String, en: String)? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return ("fant ikke «\(shown)»", "«\(shown)» not found")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return ("«\(shown)» er ikke en vanlig fil", "«\(shown)» is not a regular file")
        }
        guard UInt64(status.st_size) <= maximumBytes else {
            return (
                "«\(shown)» er større enn \(maximumBytes >> 20) MB; leser den ikke",
                "«\(shown)» is larger than \(maximumBytes >> 20) MB; not reading it"
            )
        }
        return nil
    }
}
