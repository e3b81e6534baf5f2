import Foundation

/// Reading and writing files at the edge of the library: UTF-8 checks, atomic writes, and
/// finding the shipped datasets from any working directory.
public enum FileAccess {
    /// Reads a UTF-8 text file as a ``SourceFile`` named `path` (as the user wrote it).
    public static func readSource(_ path: String) -> Result<SourceFile, Diagnostic> {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            return .failure(Diagnostic(.error, .fileUnreadable(path, missing: missing), file: path, range: .at(0)))
        }
        // Foundation drops a leading byte-order mark, as editors on Windows write one.
        guard let text = String(data: data, encoding: .utf8) else {
            let bytes = [UInt8](data)
            let offset = firstInvalidUTF8(bytes) ?? 0
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return .failure(
                Diagnostic(.error, .notUTF8(path, line: line, byte: offset + 1), file: path, range: .at(offset)))
        }
        return .success(SourceFile(name: path, text: text))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename,
    /// so no reader ever sees a half-written file. Refuses to replace an existing file unless
    /// `overwrite` is true.
    public static func writeAtomically(_ text: String, to path: String, overwrite: Bool) throws(FileWriteError) {
        let manager = FileManager.default
        if !overwrite, manager.fileExists(atPath: path) { throw .exists(path) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically; FileManager.replaceItemAt fails on
            // Linux ("The file doesn't exist") whenever the destination exists.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw .failed(path, "\(error.localizedDescription)")
        }
    }

    /// The `.harmoni` files of a folder, sorted by name; a file path is returned as is.
    public static func harmoniFiles(in path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".harmoni") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    /// The shipped datasets folder: `$HARMONI_DATASETS`, else `datasets/` of the source checkout
    /// this program was built from, else a `datasets/` folder above the executable.
    public static func defaultDatasetFolder() -> String? {
        let manager = FileManager.default
        func isDataset(_ folder: String) -> Bool {
            manager.fileExists(atPath: (folder as NSString).appendingPathComponent("nasjonal.harmoni"))
        }
        if let env = ProcessInfo.processInfo.environment["HARMONI_DATASETS"], !env.isEmpty { return env }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets").path
        if isDataset(checkout) { return checkout }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("datasets").path
            if isDataset(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}

/// Why a write did not happen.
public enum FileWriteError: Error, Sendable, Equatable {
    /// The file exists and overwriting was not asked for.
    case exists(String)
    /// The file system refused; the file was left as it was.
    case failed(String, String)

    /// A user-facing message.
    public func message(_ language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.exists(let path), .nb): return "«\(path)» finnes fra før; bruk --force (eller «overwrite») for å erstatte den"
        case (.exists(let path), .en): return "«\(path)» already exists; use --force (or «overwrite») to replace it"
        case (.failed(let path, let reason), .nb): return "kunne ikke skrive «\(path)»: \(reason)"
        case (.failed(let path, let reason), .en): return "could not write «\(path)»: \(reason)"
        }
    }
}
