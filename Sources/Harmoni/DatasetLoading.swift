import Dispatch
import Synchronization

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
    ///
    /// Files are read and parsed in parallel (each on its own; the results are put together in
    /// file order, so the outcome is the same as one after the other), then validated together.
    public static func load(paths: [String]) -> LoadedDataset {
        var files: [String: SourceFile] = [:]
        var parsed: [(file: SourceFile, unit: SourceUnit)] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        // A file named twice (`check datasets datasets/asker.harmoni`) is read once.
        let unique = paths.flatMap(FileAccess.harmoniFiles(in:)).filter { seen.insert($0).inserted }
        for result in readAndParse(unique) {
            switch result {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let (file, unit, parseDiagnostics)):
                files[file.name] = file
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

    /// Each file read and parsed, in the order of `paths`; in parallel when there are several.
    private static func readAndParse(_ paths: [String])
        -> [Result<(SourceFile, SourceUnit, [Diagnostic]), Diagnostic>]
    {
        if paths.count < 2 {
            return paths.map { path in
                FileAccess.readSource(path).map { file in
                    let (unit, diagnostics) = Parser.parse(file)
                    return (file, unit, diagnostics)
                }
            }
        }
        typealias Parsed = Result<(SourceFile, SourceUnit, [Diagnostic]), Diagnostic>
        let results = Mutex([Parsed?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result = FileAccess.readSource(paths[i]).map { file in
                let (unit, diagnostics) = Parser.parse(file)
                return (file, unit, diagnostics)
            }
            results.withLock { $0[i] = result }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
