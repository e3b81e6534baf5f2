import Foundation

/// The interpreter: runs statements against a ``SessionState`` and collects their output.
///
/// It never prints and never exits: the REPL and the CLI decide what to do with the outputs and
/// diagnostics. One failing statement does not stop the ones after it in the same text, so a
/// scenario file reports every error in one run.
public final class Session {
    /// The state statements read and change.
    public var state: SessionState
    /// The folder relative paths are resolved against.
    public var workingDirectory: String
    /// Folders `export` and `save` may write below besides the working directory (`--allow-write`).
    public var allowedWriteFolders: [String] = []
    /// True with `--force`: existing files may be replaced.
    public var force = false
    /// True to hold the files `export` and `save` write until ``commitPendingWrites()``.
    public var stagesWrites = false

    public init(state: SessionState, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.state = state
        self.workingDirectory = workingDirectory
    }

    /// Loads the datasets at `paths` (or the shipped ones) into a new session; `nil` plus the
    /// diagnostics if they do not load cleanly.
    public static func load(datasetPaths paths: [String]) -> (Session?, LoadedDataset) {
        let loaded = DatasetLoader.load(paths: paths)
        guard !loaded.hasErrors else { return (nil, loaded) }
        return (Session(state: SessionState(dataset: loaded.dataset, datasetPaths: paths)), loaded)
    }

    /// The result of running a text.
    public struct RunResult: Sendable {
        /// What the statements produced, in order.
        public var outputs: [Output] = []
        /// Syntax and statement errors, in order.
        public var diagnostics: [Diagnostic] = []
        /// Every file the diagnostics may point into (the text run and any included files).
        public var files: [String: SourceFile] = [:]
        /// True if any statement failed or the text did not parse.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Parses and runs a whole text. On syntax errors nothing runs (a half-run scenario would
    /// mislead); the diagnostics say what to fix.
    public func run(_ file: SourceFile) -> RunResult {
        var result = RunResult()
        let (unit, diagnostics) = Parser.parse(file)
        if diagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics = diagnostics
            result.files = [file.name: file]
            return result
        }
        let context = makeContext(file)
        for statement in unit.statements {
            do throws(Diagnostic) {
                result.outputs += try execute(statement, context)
            } catch {
                result.diagnostics.append(error)
            }
        }
        result.files = state.sourceFiles.merging([file.name: file]) { _, new in new }
        return result
    }

    /// A context for statements in `file`.
    public func makeContext(_ file: SourceFile) -> StatementContext {
        var context = StatementContext(file: file, language: state.language, workingDirectory: workingDirectory)
        context.allowedWriteFolders = allowedWriteFolders
        context.force = force
        context.stagesWrites = stagesWrites
        return context
    }

    /// Runs one statement.
    public func execute(_ statement: Statement, _ context: StatementContext) throws(Diagnostic) -> [Output] {
        try Interpreter.execute(statement, &state, context)
    }
}

/// Runs statements against a state: the dispatch shared by ``Session`` and `include`.
public enum Interpreter {
    /// Runs one statement, changing `state`.
    public static func execute(_ statement: Statement, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        switch statement.kind {
        case .block(let block):
            throw context.error(
                "«\(block.kind.name) { … }»-blokker hører hjemme i datasett; bruk «set» i et scenario",
                "«\(block.kind.name) { … }» blocks belong in datasets; use «set» in a scenario", block.kind.range,
                code: "block-in-scenario")
        case .binding(let name, let value):
            if StatementRegistry.isKeyword(name.name) || Functions.names.contains(name.name) {
                throw context.error(
                    "«\(name.name)» er et reservert ord", "«\(name.name)» is a reserved word", name.range, code: "reserved")
            }
            let evaluated = try Evaluator(state, context).value(value)
            state.bindings.append((name.name, evaluated))
            return []
        case .command(let command):
            guard let spec = StatementRegistry.find(command) else {
                throw StatementRegistry.unknownStatement(command, context)
            }
            return try spec.action(command, &state, context)
        }
    }
}
