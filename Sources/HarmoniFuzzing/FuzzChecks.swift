import Foundation
import Harmoni

/// The checks every fuzzer runs on one input: `harmoni-fuzz` (seeded generator loop), the
/// libFuzzer harnesses (Tests/libfuzzer) and the tests (`FuzzTests`, `FuzzFindingsTests`) call
/// these same functions, so a finding of one replays in the others. Each returns a description
/// of the first broken promise, or nil; a crash ends the process, which is the point.
public enum FuzzChecks {
    /// The front end: lexer, parser, diagnostic renderer and dataset loader take any text;
    /// every diagnostic range lies in the text; and when the text parses cleanly, its formatted
    /// text parses without errors to the same tree, formatting it again changes nothing, and
    /// every comment is kept. `loaderBase` are files loaded beside the input (a small dataset
    /// gives the loader's checks something to refer to).
    public static func frontEnd(_ text: String, loaderBase: [(file: SourceFile, unit: SourceUnit)] = []) -> String? {
        let file = SourceFile(name: "fuzz.harmoni", text: text)
        let (unit, diagnostics) = Parser.parse(file)
        let notes = diagnostics.flatMap { d in d.notes.map { Diagnostic(.note, $0.message, file: d.fileName, range: $0.range) } }
        for diagnostic in diagnostics + notes {
            let range = diagnostic.range
            guard range.start >= 0, range.start <= range.end, range.end <= file.bytes.count else {
                return "diagnostic range \(range) outside the text: \(diagnostic.message.en)"
            }
        }
        if diagnostics.count < 50 {
            _ = DiagnosticRenderer(language: .nb).render(diagnostics, files: [file.name: file])
        }
        let (_, validation) = DatasetLoader.load(loaderBase + [(file, unit)])
        for diagnostic in validation where diagnostic.fileName == file.name {
            guard diagnostic.range.end <= file.bytes.count else { return "validation range outside the text" }
        }
        guard diagnostics.isEmpty else { return nil }
        let once = Formatter.format(unit)
        let (reparsed, again) = Parser.parse(SourceFile(name: "fmt", text: once))
        guard again.isEmpty else {
            return "the formatted text does not parse: \(again.map(\.message.en))\n--- formatted:\n\(once.debugDescription)"
        }
        guard Formatter.format(reparsed) == once else { return "formatting is not idempotent\n--- formatted:\n\(once.debugDescription)" }
        guard reparsed.dump(includingLayout: false) == unit.dump(includingLayout: false) else {
            return "formatting changed the tree\n--- formatted:\n\(once.debugDescription)"
        }
        guard commentTexts(once).sorted() == commentTexts(text).sorted() else { return "formatting lost a comment" }
        return nil
    }

    /// The statement runner: `text` as a scenario through a session on the shipped dataset,
    /// every output and diagnostic rendered. Its promise is not to crash or hang (nil always).
    public static func runner(_ text: String, context: RunnerContext) -> String? {
        let session = context.session()
        let file = SourceFile(name: "fuzz.harmoni", text: text)
        let result = session.run(file)
        let renderer = DiagnosticRenderer(language: .nb)
        _ = OutputRenderer.render(result.outputs, language: .nb, renderer: renderer, file: file)
        _ = renderer.render(result.diagnostics, files: result.files)
        return nil
    }

    /// The comment texts in `text`, in order, as the lexer reads them.
    public static func commentTexts(_ text: String) -> [String] {
        Lexer.tokenize(SourceFile(name: "c", text: text)).tokens.compactMap { token in
            if case .comment(let text) = token.kind { return text }
            return nil
        }
    }
}

/// What the runner check needs once per process: the shipped dataset, loaded on first use,
/// and a working folder for what a scenario writes.
public final class RunnerContext {
    private var loaded: (dataset: Dataset, paths: [String])?
    /// The folder sessions run in (relative exports land there).
    public let workingDirectory: String

    /// A context whose sessions run in `workingDirectory` (the system's temporary folder by default).
    public init(workingDirectory: String = FileManager.default.temporaryDirectory.path) {
        self.workingDirectory = workingDirectory
    }

    /// A fresh session on the shipped dataset (loaded once, by the first call).
    public func session() -> Session {
        if loaded == nil {
            let folder = FileAccess.defaultDatasetFolder() ?? "datasets"
            let result = DatasetLoader.load(paths: [folder])
            loaded = (result.dataset, [folder])
        }
        let session = Session(state: SessionState(dataset: loaded!.dataset, datasetPaths: loaded!.paths))
        session.workingDirectory = workingDirectory
        return session
    }
}
