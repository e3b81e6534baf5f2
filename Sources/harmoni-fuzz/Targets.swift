import Foundation
import Harmoni

/// A fuzz target: makes case `index` of a run with `seed` and runs it in this process.
enum Target: String, CaseIterable {
    /// The front end: parse → format → parse gives the same tree, formatting is idempotent.
    case front
    /// The statement runner: generated scenarios through a session, every table rendered.
    case runner

    /// The input of one case.
    func input(seed: UInt64, index: Int) -> String {
        switch self {
        case .front:
            return frontCase(seed: seed, index: index)
        case .runner:
            var generator = ScenarioGenerator(random: Random.forCase(seed, index))
            return generator.scenario()
        }
    }

    /// Runs one input; returns a broken promise, or nil. A crash ends the process (the supervisor
    /// records it).
    func run(_ text: String, context: RunnerContext) -> String? {
        switch self {
        case .front:
            let file = SourceFile(name: "fuzz.harmoni", text: text)
            let (unit, diagnostics) = Parser.parse(file)
            for diagnostic in diagnostics where diagnostic.range.end > file.bytes.count || diagnostic.range.start < 0 {
                return "diagnostic range outside the text"
            }
            _ = DiagnosticRenderer(language: .nb).render(Array(diagnostics.prefix(50)), files: [file.name: file])
            guard diagnostics.isEmpty else { return nil }
            let once = Formatter.format(unit)
            let (reparsed, again) = Parser.parse(SourceFile(name: "fmt", text: once))
            guard again.isEmpty else { return "the formatted text does not parse" }
            guard Formatter.format(reparsed) == once else { return "formatting is not idempotent" }
            guard reparsed.dump(includingLayout: false) == unit.dump(includingLayout: false) else {
                return "formatting changed the tree"
            }
            return nil
        case .runner:
            let session = context.session()
            let file = SourceFile(name: "fuzz.harmoni", text: text)
            let result = session.run(file)
            let renderer = DiagnosticRenderer(language: .nb)
            _ = OutputRenderer.render(result.outputs, language: .nb, renderer: renderer, file: file)
            _ = renderer.render(result.diagnostics, files: result.files)
            return nil
        }
    }
}

/// What the runner target needs once per process: the shipped dataset, loaded.
final class RunnerContext {
    private var loaded: (dataset: Dataset, paths: [String])?

    func session() -> Session {
        if loaded == nil {
            let folder = FileAccess.defaultDatasetFolder() ?? "datasets"
            let result = DatasetLoader.load(paths: [folder])
            loaded = (result.dataset, [folder])
        }
        let session = Session(state: SessionState(dataset: loaded!.dataset, datasetPaths: loaded!.paths))
        session.workingDirectory = FileManager.default.temporaryDirectory.path
        return session
    }
}
