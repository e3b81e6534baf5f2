/// The result of reading, parsing and validating dataset files.
public struct LoadedDataset: Sendable {
    /// The dataset (possibly partial when there are errors).
    public var dataset: Dataset
    /// Every file read, by name, for rendering diagnostics.
    public var files: [String: SourceFile]
    /// Parse and validation diagnostics in file order.
    public var diagnostics: [Diagnostic]

    /// True if any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension DatasetLoader {
    /// Reads every `.harmoni` file under `paths` (folders are expanded, sorted by name), parses
    /// and validates them together.
    public static func load(paths: [String]) -> LoadedDataset {
        var files: [String: SourceFile] = [:]
        var parsed: [(file: SourceFile, unit: SourceUnit)] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        // A file named twice (`check datasets datasets/asker.harmoni`) is read once.
        for path in paths.flatMap(FileAccess.harmoniFiles(in:)) where seen.insert(path).inserted {
            switch FileAccess.readSource(path) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let file):
                files[file.name] = file
                let (unit, parseDiagnostics) = Parser.parse(file)
                diagnostics += parseDiagnostics
                parsed.append((file, unit))
            }
        }
        let (dataset, validation) = load(parsed)
        // Files that could not be read first, then every file's syntax and validation
        // diagnostics together, in file order and by position (ties keep the order found).
        let order = Dictionary(parsed.enumerated().map { ($1.file.name, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = (diagnostics + validation).enumerated().sorted { a, b in
            let fa = order[a.element.fileName] ?? -1
            let fb = order[b.element.fileName] ?? -1
            if fa != fb { return fa < fb }
            if a.element.range.start != b.element.range.start { return a.element.range.start < b.element.range.start }
            return a.offset < b.offset
        }.map(\.element)
        return LoadedDataset(dataset: dataset, files: files, diagnostics: sorted)
    }
}
