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
                    code: code + "-path", nb: "et filnavn kan ikke ha kontrolltegn",
                    en: "a file name cannot contain control characters"), range)
        }
        let target: String
        do throws(WritePolicyError) {
            target = try WritePolicy.resolve(
                path, workingDirectory: context.workingDirectory, allowedFolders: context.allowedWriteFolders,
                overwrite: overwrite, createFolders: !context.stagesWrites)
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

    /// Writes the staged files in order, each checked by the policy again (the disk may have
    /// changed since): first every file is checked, and if one fails none is written; then each is
    /// written atomically. Returns one message per file that could not be written.
    static func commit(_ writes: [PendingWrite], language: DisplayLanguage) -> [String] {
        func check(_ write: PendingWrite, create: Bool) throws(WritePolicyError) -> String {
            try WritePolicy.resolve(
                write.path, workingDirectory: write.workingDirectory, allowedFolders: write.allowedFolders,
                overwrite: write.overwrite, createFolders: create)
        }
        var failures: [String] = []
        for write in writes {
            do throws(WritePolicyError) { _ = try check(write, create: false) } catch {
                failures.append(error.message(language))
            }
        }
        guard failures.isEmpty else { return failures }
        for write in writes {
            do throws(WritePolicyError) {
                let target = try check(write, create: true)
                do throws(FileWriteError) {
                    if let bytes = write.bytes {
                        try FileAccess.writeAtomically(bytes: bytes, to: target, overwrite: write.overwrite)
                    } else {
                        try FileAccess.writeAtomically(write.text, to: target, overwrite: write.overwrite)
                    }
                } catch {
                    failures.append(error.message(language))
                }
            } catch {
                failures.append(error.message(language))
            }
        }
        return failures
    }
}

extension Session {
    /// Writes the files staged by `export` and `save` and empties the list. Returns a message for
    /// each file that could not be written.
    public func commitPendingWrites() -> [String] {
        let writes = state.pendingWrites
        state.pendingWrites = []
        return StatementWriter.commit(writes, language: state.language)
    }

    /// Forgets the staged files (the run had errors); returns how many there were.
    @discardableResult
    public func discardPendingWrites() -> [PendingWrite] {
        let writes = state.pendingWrites
        state.pendingWrites = []
        return writes
    }
}
