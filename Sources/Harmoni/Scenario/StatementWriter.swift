import Foundation

/// A file a statement asked to write while writes are staged: checked by ``WritePolicy`` when the
/// statement ran, written (after a second check) when the run ends without errors.
public struct PendingWrite: Sendable, Equatable {
    /// The path as the statement wrote it (shown in messages).
    public var path: String
    /// The absolute path the policy resolved it to.
    public var target: String
    /// The text to write.
    public var text: String
    /// The bytes to write instead of `text` for a binary file (`.xlsx`); `nil` for text.
    public var bytes: [UInt8]? = nil
    /// True if an existing file may be replaced (`overwrite` or `--force`).
    public var overwrite: Bool
    /// The working directory and allowed folders the policy checked against.
    public var workingDirectory: String
    /// Folders allowed with `--allow-write`.
    public var allowedFolders: [String]

    /// Creates a pending write.
    public init(
        path: String, target: String, text: String, overwrite: Bool, workingDirectory: String, allowedFolders: [String]
    ) {
        self.path = path
        self.target = target
        self.text = text
        self.overwrite = overwrite
        self.workingDirectory = workingDirectory
        self.allowedFolders = allowedFolders
    }
}

/// The one way statements (`export`, `save`) write files: the ``WritePolicy`` check, then an
/// atomic write, or a staged one when the context says so (`harmoni run`: a run with an error
/// writes nothing at all).
enum StatementWriter {
    /// Checks `path` and writes `text` to it (or stages it); throws a diagnostic at `range`.
    ///
    /// - Parameter code: the diagnostic code prefix: `export` gives `export-path` and `export-write`.
    static func write(
        _ text: String, bytes: [UInt8]? = nil, to path: String, overwrite: Bool, range: SourceRange, code: String,
        state: inout SessionState, context: StatementContext
    ) throws(Diagnostic) {
        let overwrite = overwrite || context.force
        if TerminalText.sanitize(path) != path {
            throw context.error(
                DiagnosticMessage(
                    code: code + "-path", nb: "et filnavn kan ikke ha kontrolltegn eller usynlige tegn (\(TerminalText.sanitize(path)))",
                    en: "a file name cannot contain control or invisible characters (\(TerminalText.sanitize(path)))"), range)
        }
        let target: String
        do throws(WritePolicyError) {
            target = try WritePolicy.resolve(
                path, workingDirectory: context.workingDirectory, allowedFolders: context.allowedWriteFolders,
                overwrite: overwrite, createFolders: false)
        } catch {
            throw context.error(
                DiagnosticMessage(code: code + "-path", nb: error.message(.nb), en: error.message(.en)), range)
        }
        if context.stagesWrites {
            if !overwrite, state.pendingWrites.contains(where: { $0.target == target }) {
                let exists = WritePolicyError.exists(path)
                throw context.error(
                    DiagnosticMessage(code: code + "-path", nb: exists.message(.nb), en: exists.message(.en)), range)
            }
            state.pendingWrites.removeAll { $0.target == target }
            var pending = PendingWrite(
                path: path, target: target, text: text, overwrite: overwrite,
                workingDirectory: context.workingDirectory, allowedFolders: context.allowedWriteFolders)
            pending.bytes = bytes
            state.pendingWrites.append(pending)
            return
        }
        do throws(FileWriteError) {
            if let bytes {
                try FileAccess.writeAtomically(bytes: bytes, to: target, overwrite: overwrite)
            } else {
                try FileAccess.writeAtomically(text, to: target, overwrite: overwrite)
            }
        } catch {
            throw context.error(
                DiagnosticMessage(code: code + "-write", nb: error.message(.nb), en: error.message(.en)), range)
        }
    }

    /// Writes the staged files (and `extra`, e.g. `run --output`) all or nothing: each is checked
    /// by the policy again (the disk may have changed since), then ``FileAccess/writeAll(_:)``
    /// checks every target before writing any. Returns the messages of what failed (then nothing
    /// was written).
    static func commit(_ writes: [PendingWrite], extra: [FileWrite] = [], language: DisplayLanguage) -> [String] {
        var failures: [String] = []
        var files: [FileWrite] = []
        for write in writes {
            do throws(WritePolicyError) {
                let target = try WritePolicy.resolve(
                    write.path, workingDirectory: write.workingDirectory, allowedFolders: write.allowedFolders,
                    overwrite: write.overwrite, createFolders: false)
                files.append(FileWrite(write.text, bytes: write.bytes, to: target, shown: write.path, overwrite: write.overwrite))
            } catch {
                failures.append(error.message(language))
            }
        }
        guard failures.isEmpty else { return failures }
        do throws(FileWriteError) {
            try FileAccess.writeAll(files + extra)
        } catch {
            return [error.message(language)]
        }
        return []
    }
}

extension Session {
    /// Writes the files staged by `export` and `save`, and `extra`, all or nothing, and empties
    /// the list. Returns the messages of what could not be written (then nothing was).
    public func commitPendingWrites(extra: [FileWrite] = []) -> [String] {
        let writes = state.pendingWrites
        state.pendingWrites = []
        return StatementWriter.commit(writes, extra: extra, language: state.language)
    }

    /// Forgets the staged files (the run had errors); returns how many there were.
    @discardableResult
    public func discardPendingWrites() -> [PendingWrite] {
        let writes = state.pendingWrites
        state.pendingWrites = []
        return writes
    }
}
