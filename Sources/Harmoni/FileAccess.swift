import Foundation

/// Reading and writing files at the edge of the library: UTF-8 checks, atomic writes, and
/// finding the shipped datasets from any working directory.
public enum FileAccess {
    /// Reads a UTF-8 text file as a ``SourceFile`` named `path` (as the user wrote it).
    /// A pipe, device or folder is named as such, not read.
    public static func readSource(_ path: String) -> Result<SourceFile, Diagnostic> {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let folder = info.st_mode & S_IFMT == S_IFDIR
            return .failure(Diagnostic(.error, .notRegularFile(path, folder: folder), file: path, range: .at(0)))
        }
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
        return .success(SourceFile(normalising: text, name: path))
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

    /// Writes `text` to `path` atomically (``AtomicWrite``): no reader ever sees a half-written
    /// file and a killed process leaves no temporary file. Refuses to replace an existing file
    /// unless `overwrite` is true, and never replaces anything but a regular file.
    public static func writeAtomically(_ text: String, to path: String, overwrite: Bool) throws(FileWriteError) {
        try AtomicWrite.writeAll([FileWrite(text, to: path, overwrite: overwrite)])
    }

    /// Writes every file or none (``AtomicWrite``): each target is checked before any is written.
    public static func writeAll(_ writes: [FileWrite]) throws(FileWriteError) {
        try AtomicWrite.writeAll(writes)
    }

    /// The `.harmoni` files of a folder, sorted by name; a file path is returned as is.
    public static func harmoniFiles(in path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".harmoni") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    /// The shipped datasets folder: `$HARMONI_DATASETS`, else `../share/harmoni/datasets` next to
    /// the executable (an installed `PREFIX/bin/harmoni`, see scripts/install.sh), else
    /// `datasets/` of the source checkout this program was built from, else a `datasets/` folder
    /// above the executable.
    public static func defaultDatasetFolder() -> String? {
        let manager = FileManager.default
        func isDataset(_ folder: String) -> Bool {
            manager.fileExists(atPath: (folder as NSString).appendingPathComponent("nasjonal.harmoni"))
        }
        if let env = ProcessInfo.processInfo.environment["HARMONI_DATASETS"], !env.isEmpty { return env }
        // The running executable's real path (argv[0] may be a bare name found through PATH).
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "."
        let executable = URL(fileURLWithPath: running).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/harmoni/datasets").path
        if isDataset(installed) { return installed }
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

extension SourceFile {
    /// A source file of `text` in Unicode normal form C, so `o` + U+0308 (as macOS writes file
    /// names and some editors write text) is the same `ö` as everywhere else.
    /// Text whose scalars are all below U+0300 (ASCII, æøå, the Latin letters) is in normal form
    /// C already — the first scalar that NFC may change or combine is U+0300 — and is not
    /// re-normalised (that took half the time of reading the national tables).
    public init(normalising text: String, name: String) {
        let stable = text.utf8.allSatisfy { $0 < 0x80 } || text.unicodeScalars.allSatisfy(Self.keepsNFC)
        self.init(name: name, text: stable ? text : text.precomposedStringWithCanonicalMapping)
    }

    /// True when NFC leaves the scalar as it is wherever it stands, so text made only of such
    /// scalars needs no normalising: every scalar below U+0300, and the punctuation, symbols and
    /// arrows of U+2010…U+2BFF (the datasets' «–», «≈», «…», «×», «≤») that are not marks, are
    /// starters (combining class 0) and are not excluded from composition (which also rules out singletons such as U+212B,
    /// that NFC replaces). No scalar of that block combines with the one before it under NFC.
    static func keepsNFC(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return true }
        guard (0x2010...0x2BFF).contains(scalar.value) else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: return properties.canonicalCombiningClass == .notReordered && !properties.isFullCompositionExclusion
        }
    }
}

/// Why a write did not happen (nothing was written).
public enum FileWriteError: Error, Sendable, Equatable {
    /// The file exists and overwriting was not asked for.
    case exists(String)
    /// The file system refused, with a reason already in words.
    case failed(String, String)
    /// The file system refused with this error number.
    case refused(String, Int32)
    /// The path is a symbolic link (even a dangling one): never replaced or written through.
    case symbolicLink(String)
    /// The path is a folder, or ends in `/`.
    case notAFile(String)
    /// The path is a device, a pipe or a socket: only a regular file is replaced.
    case notRegular(String)
    /// A part of the folder path (the second value) is a file, not a folder.
    case folderIsFile(String, String)
    /// The file name (or the path) is longer than the file system allows.
    case nameTooLong(String)
    /// The path has a control, bidirectional or zero-width character (shown escaped).
    case invisibleCharacters(String)

    /// A user-facing message.
    public func message(_ language: DisplayLanguage) -> String {
        let nb = language == .nb
        switch self {
        case .exists(let path):
            return nb
                ? "«\(path)» finnes fra før; bruk --force (eller «overwrite») for å erstatte den"
                : "«\(path)» already exists; use --force (or «overwrite») to replace it"
        case .failed(let path, let reason):
            return nb ? "kunne ikke skrive «\(path)»: \(reason)" : "could not write «\(path)»: \(reason)"
        case .refused(let path, let code):
            let reason = SystemError.text(code, language)
            return nb ? "kunne ikke skrive «\(path)»: \(reason)" : "could not write «\(path)»: \(reason)"
        case .symbolicLink(let path):
            return nb
                ? "«\(path)» er en symbolsk lenke; den erstattes ikke, og det skrives ikke gjennom den"
                : "«\(path)» is a symbolic link; it is not replaced nor written through"
        case .notAFile(let path): return nb ? "«\(path)» er en mappe, ikke en fil" : "«\(path)» is a folder, not a file"
        case .notRegular(let path):
            return nb
                ? "«\(path)» er ikke en vanlig fil (en enhet, et rør eller en sokkel); bare vanlige filer erstattes"
                : "«\(path)» is not a regular file (a device, a pipe or a socket); only regular files are replaced"
        case .folderIsFile(let path, let folder):
            return nb
                ? "kunne ikke skrive «\(path)»: «\(folder)» er en fil, ikke en mappe"
                : "could not write «\(path)»: «\(folder)» is a file, not a folder"
        case .invisibleCharacters(let path):
            return nb
                ? "«\(path)»: et filnavn kan ikke ha kontrolltegn eller usynlige tegn"
                : "«\(path)»: a file name cannot contain control or invisible characters"
        case .nameTooLong(let path):
            return nb
                ? "kunne ikke skrive «\(path)»: filnavnet er for langt (høyst 255 byte per navn)"
                : "could not write «\(path)»: the file name is too long (at most 255 bytes per name)"
        }
    }
}
