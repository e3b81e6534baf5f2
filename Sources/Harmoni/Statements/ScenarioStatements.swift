import Foundation

/// Statements about the scenario as a whole: `scenario`, `use dataset`, `include`, `save`,
/// `compare` (the last two in `ScenarioStatements+Save.swift` and `ScenarioStatements+Compare.swift`).
enum ScenarioStatements {
    static var all: [StatementSpec] { [scenario, useDataset, include, save, compare] }

    /// The deepest include nesting accepted (a cycle is caught before this).
    static let maximumIncludeDepth = 32

    static let scenario = StatementSpec(
        words: ["scenario"], usage: "scenario \"<navn>\" [dated <dato>]",
        summary: (
            "Gir scenariet et navn og eventuelt en dato (vises i ledeteksten, i lagrede filer og rapporter).",
            "Names the scenario, optionally with a date (shown in the prompt, saved files and reports)."
        ),
        example: "scenario \"HP 2020, rådmannens forslag\" dated 2019-11-05",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            let name = try words.string()
            var date: CalendarDate?
            if words.keyword("dated", "datert") != nil {
                let value = try words.expression()
                guard case .date(let day) = value.kind else {
                    throw context.error(
                        .expected("en dato (f.eks. «2019-11-05»)", "a date (e.g. «2019-11-05»)", found: "«\(context.file.slice(value.range))»"),
                        value.range)
                }
                date = day
            }
            try words.expectEnd()
            state.scenario.name = name.text
            state.scenario.date = date
            return []
        })

    static let useDataset = StatementSpec(
        words: ["use"], usage: "use dataset \"<mappe eller fil>\"",
        summary: (
            "Bytter til et annet datasett (mappe med .harmoni-filer).",
            "Switches to another dataset (a folder of .harmoni files)."
        ),
        example: "use dataset \"datasets\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            try words.expectKeyword("dataset", "datasett")
            let path = try words.string()
            try words.expectEnd()
            let resolved = URL(fileURLWithPath: resolve(path.text, context)).standardizedFileURL.path
            if let refusal = ScenarioFiles.refusal(dataset: resolved, shown: path.text) {
                throw context.error(refusal.nb, refusal.en, path.range, code: "dataset-unreadable")
            }
            let loaded = DatasetLoader.load(paths: [resolved])
            if loaded.files.isEmpty || loaded.hasErrors {
                let count = loaded.diagnostics.filter { $0.severity == .error }.count
                throw context.error(
                    "datasettet «\(path.text)» kan ikke brukes (\(count) feil; kjør «harmoni check \(path.text)»)",
                    "the dataset «\(path.text)» cannot be used (\(count) errors; run «harmoni check \(path.text)»)",
                    path.range,
                    code: "dataset-errors")
            }
            state.dataset = loaded.dataset
            // Absolute, so a saved scenario can name it relative to its own folder; the corrections
            // made on the old dataset are gone with it.
            state.datasetPaths = [resolved]
            state.baselineCorrections = []
            return []
        })

    static let include = StatementSpec(
        words: ["include"], usage: "include \"<fil>\"",
        summary: (
            "Kjører en annen scenariofil her (stier er relative til denne filen).",
            "Runs another scenario file here (paths are relative to this file)."
        ),
        example: "include \"scenarios/laveste-nivaa.harmoni\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            let path = try words.string()
            try words.expectEnd()
            let (file, unit, includeStack) = try readScenarioFile(
                path, &state, context, selfNb: "inkluderer seg selv", selfEn: "includes itself", code: "include-unreadable")
            var inner = context
            inner.file = file
            inner.includeStack = includeStack
            var outputs: [Output] = []
            for statement in unit.statements {
                outputs += try Interpreter.execute(statement, &state, inner)
            }
            return outputs
        })

    /// Reads and parses a scenario file named in a statement (`include`, `compare`): refuses what
    /// may not be read, finds cycles through the real paths of the files being run, and keeps the
    /// file for diagnostics. Returns the file, its syntax tree and the include stack for its statements.
    static func readScenarioFile(
        _ path: (text: String, range: SourceRange), _ state: inout SessionState, _ context: StatementContext,
        selfNb: String, selfEn: String, code: String
    ) throws(Diagnostic) -> (file: SourceFile, unit: SourceUnit, includeStack: [String]) {
        let resolved = URL(fileURLWithPath: resolve(path.text, context)).standardizedFileURL.path
        if let refusal = ScenarioFiles.refusal(include: resolved, shown: path.text) {
            throw context.error(refusal.nb, refusal.en, path.range, code: code)
        }
        let real = WritePolicy.realPath(resolved) ?? resolved
        var stack = context.includeStack
        if stack.isEmpty, !context.file.name.hasPrefix("<") {
            let outer = resolve(context.file.name, context)
            stack.append(WritePolicy.realPath(outer) ?? outer)
        }
        if stack.contains(real) || stack.count >= maximumIncludeDepth {
            let chain = (stack + [real]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            throw context.error(
                "«\(path.text)» \(selfNb) (syklus: \(chain))", "«\(path.text)» \(selfEn) (cycle: \(chain))",
                path.range, code: "include-cycle")
        }
        let file: SourceFile
        switch FileAccess.readSource(resolved) {
        case .success(let read): file = SourceFile(name: displayName(resolved, context), text: read.text)
        case .failure(let diagnostic):
            throw context.error(diagnostic.message.nb, diagnostic.message.en, path.range, code: diagnostic.message.code)
        }
        state.sourceFiles[file.name] = file
        let (unit, diagnostics) = Parser.parse(file)
        if let first = diagnostics.first(where: { $0.severity == .error }) { throw first }
        return (file, unit, stack + [real])
    }

    /// A path as diagnostics show it: relative to the working directory when inside it.
    static func displayName(_ path: String, _ context: StatementContext) -> String {
        let base = URL(fileURLWithPath: context.workingDirectory).standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// A path relative to the folder of the file the statement is in (or the working directory
    /// for the REPL and `-e`); absolute paths stay.
    static func resolve(_ path: String, _ context: StatementContext) -> String {
        if path.hasPrefix("/") { return path }
        let name = context.file.name
        let base: String
        if name.hasPrefix("<") {
            base = context.workingDirectory
        } else {
            let folder = (name as NSString).deletingLastPathComponent
            base =
                folder.hasPrefix("/") ? folder : (context.workingDirectory as NSString).appendingPathComponent(folder)
        }
        return (base as NSString).appendingPathComponent(path)
    }
}
