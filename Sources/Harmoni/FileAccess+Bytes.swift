import Foundation

extension FileAccess {
    /// Writes `bytes` to `path` atomically (a temporary file in the same folder, then a rename),
    /// for binary exports (`.xlsx`). Refuses to replace an existing file unless `overwrite`.
    /// Text goes through ``writeAtomically(_:to:overwrite:)``, which this mirrors.
    public static func writeAtomically(bytes: [UInt8], to path: String, overwrite: Bool) throws(FileWriteError) {
        let manager = FileManager.default
        if !overwrite, manager.fileExists(atPath: path) { throw .exists(path) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw .failed(path, "\(error.localizedDescription)")
        }
    }
}
