import Foundation

@testable import Harmoni

/// Shared test fixtures: the shipped datasets (loaded once) and paths in the repository.
enum Fixtures {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `datasets/` of the repository.
    static let datasetsFolder = root.appendingPathComponent("datasets").path

    /// The shipped datasets, loaded and validated once per test process.
    static let shipped: LoadedDataset = DatasetLoader.load(paths: [datasetsFolder])

    /// The shipped dataset (tests assume it loads without errors; a dedicated test checks that).
    static var dataset: Dataset { shipped.dataset }

    /// The shipped dataset's merging municipalities (Asker, Røyken, Hurum, from its `merger` blocks).
    static var mergingMunicipalities: [MunicipalityID] { dataset.mergingMunicipalities }

    /// A fresh session on the shipped dataset.
    static func session() -> Session {
        let session = Session(state: SessionState(dataset: dataset, datasetPaths: [datasetsFolder]))
        return session
    }

    /// Runs statements in a fresh session (or the given one); returns the terminal text of the
    /// outputs and the rendered diagnostics.
    static func run(_ text: String, in session: Session? = nil, name: String = "<test>") -> (output: String, errors: String) {
        let session = session ?? Self.session()
        let file = SourceFile(name: name, text: text)
        let result = session.run(file)
        let renderer = DiagnosticRenderer(language: session.state.language)
        let output = OutputRenderer.render(result.outputs, language: session.state.language, renderer: renderer, file: file)
        return (output, result.diagnostics.map { renderer.render($0, in: file) }.joined())
    }
}
