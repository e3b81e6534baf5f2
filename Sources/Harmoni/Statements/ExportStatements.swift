import Foundation

/// `export <what…> to "<file>" [as csv|md|json|html|xlsx] [overwrite]` (Norwegian `eksporter`):
/// runs the `show <what…>` statement and writes its tables to a file; `export report` writes the
/// tables of every show statement that exists into one report (see docs/EXPORTS.md).
enum ExportStatements {
    static var all: [StatementSpec] {
        [
            StatementSpec(
                words: ["export"],
                usage: "export <hva…> to \"<fil>\" [as csv|md|json|html|xlsx] [overwrite]",
                summary: (
                    "Skriver tabellene fra «show <hva…>» (eller hele rapporten: «export report») til en fil.",
                    "Writes the tables of «show <what…>» (or the whole report: «export report») to a file."
                ),
                example: "export report to \"ut/rapport.html\"",
                action: { command, state, context throws(Diagnostic) in
                    try export(command, &state, context, specs: StatementRegistry.all)
                })
        ]
    }

    /// What `export <name>` shows: the name itself when a `show` statement has it, else its
    /// canonical form in ``Vocabulary`` (`skyggebudsjett` → `budget`).
    static func whatName(_ name: String) -> String { Vocabulary.objectWords[name] ?? name }

    /// What an `export` statement asked for.
    struct Request {
        var what: [Word]
        var path: String
        var pathRange: SourceRange
        var format: ExportFormat
        var overwrite: Bool
    }

    /// Runs an `export` statement against `specs` (the registry's, or test doubles).
    static func export(
        _ command: Command, _ state: inout SessionState, _ context: StatementContext, specs: [StatementSpec]
    ) throws(Diagnostic) -> [Output] {
        let request = try parse(command, context)
        let language: DisplayLanguageTag = state.language == .nb ? .nb : .en
        var outputs: [Output] = []
        let tables: [Table]
        var text: String
        if request.what.count == 1, let name = name(of: request.what[0]), whatName(name) == "report" {
            let report = ReportBuilder(specs: specs, context: context).build(&state, outputs: &outputs)
            tables = report.sections.flatMap { $0.tables }
            text = request.format == .html ? HTMLReport.render(report) : Exporter.export(tables, as: request.format, language: language)
        } else {
            let shown = try show(request.what, command: command, &state, context, specs: specs)
            outputs += shown.filter { if case .diagnostic = $0 { true } else { false } }
            tables = shown.compactMap { if case .table(let t) = $0 { t } else { nil } }
            guard !tables.isEmpty else {
                throw context.error(
                    "«vis \(whatText(request.what, context))» ga ingen tabell å eksportere",
                    "«show \(whatText(request.what, context))» produced no table to export", command.keyword.range,
                    code: "export-nothing")
            }
            text = Exporter.export(tables, as: request.format, title: tables.count == 1 ? tables[0].title : "Harmoni", language: language)
        }
        var bytes: [UInt8]?
        if request.format.isBinary {
            bytes = Exporter.data(tables, as: request.format, language: language)
            text = ""
        }
        try StatementWriter.write(
            text, bytes: bytes, to: request.path, overwrite: request.overwrite, range: request.pathRange, code: "export", state: &state,
            context: context)
        let count = tables.count
        outputs.append(
            .text(
                state.language == .nb
                    ? "Skrev \(count) \(count == 1 ? "tabell" : "tabeller") til «\(request.path)» (\(request.format.rawValue))."
                    : "Wrote \(count) \(count == 1 ? "table" : "tables") to «\(request.path)» (\(request.format.rawValue))."))
        return outputs
    }

    /// Reads `<what…> to "<file>" [as <format>] [overwrite]`.
    static func parse(_ command: Command, _ context: StatementContext) throws(Diagnostic) -> Request {
        let words = command.words
        // The last `to` followed by a string ends the what-words (a show statement may use `to` itself).
        let split = words.indices.last { i in
            guard i + 1 < words.count, name(of: words[i]) == "to" || name(of: words[i]) == "til" else { return false }
            if case .expression(let e) = words[i + 1], case .string = e.kind { return true }
            return false
        }
        guard let split else {
            let end = words.last?.range.end ?? command.keyword.range.end
            throw context.error(
                "mangler «to \"fil\"»: skriv f.eks. export diff sfo to \"ut/sfo.csv\"",
                "missing «to \"file\"»: write e.g. export diff sfo to \"out/sfo.csv\"", .at(end), code: "export-syntax")
        }
        guard split > 0 else {
            throw context.error(
                "hva skal eksporteres? f.eks. «eksporter rapport til …» eller «eksporter forskjell sfo til …»",
                "what should be exported? e.g. «export report to …» or «export diff sfo to …»", words[split].range,
                code: "export-syntax")
        }
        var reader = WordReader(command, context, skipping: split + 1)
        let (path, pathRange) = try reader.string()
        var format: ExportFormat?
        var overwrite = false
        while !reader.atEnd {
            let range = reader.here
            switch try reader.expectKeyword("as", "som", "overwrite", "overskriv") {
            case "as", "som":
                let formatRange = reader.here
                guard let name = reader.peekName, let named = ExportFormat(name: name) else {
                    throw context.error(
                        "ukjent format; bruk csv, md, json, html eller xlsx", "unknown format; use csv, md, json, html or xlsx", formatRange,
                        code: "export-format")
                }
                _ = reader.keyword(name)
                format = named
            default:
                if overwrite { throw context.error("«overwrite» to ganger", "«overwrite» twice", range, code: "export-syntax") }
                overwrite = true
            }
        }
        guard let resolved = format ?? ExportFormat(fileName: path) else {
            throw context.error(
                "kan ikke se formatet av filnavnet; legg til «as csv|md|json|html|xlsx»",
                "cannot tell the format from the file name; add «as csv|md|json|html|xlsx»", pathRange, code: "export-format")
        }
        return Request(what: Array(words[..<split]), path: path, pathRange: pathRange, format: resolved, overwrite: overwrite)
    }

    /// Runs `show <what…>` and returns its outputs.
    static func show(
        _ what: [Word], command: Command, _ state: inout SessionState, _ context: StatementContext, specs: [StatementSpec]
    ) throws(Diagnostic) -> [Output] {
        let shows = specs.filter { $0.words.count == 2 && $0.words[0] == "show" }
        let first = what[0]
        guard let asked = name(of: first) else {
            throw context.error(
                "ukjent tabell; kjente: \(known(shows))", "unknown table; known: \(known(shows))", first.range, code: "export-what")
        }
        let target = shows.contains { $0.words[1] == asked } ? asked : whatName(asked)
        guard let spec = shows.first(where: { $0.words[1] == target }) else {
            throw context.error(
                "«\(asked)» kan ikke eksporteres; kjente: \(known(shows))", "«\(asked)» cannot be exported; known: \(known(shows))",
                first.range, code: "export-what")
        }
        var words = what
        if target != asked {
            let renamed = Expression(.path(Path(parts: [Identifier(target, first.range)], wildcard: false, range: first.range)), first.range)
            words[0] = .expression(renamed)
        }
        let synthetic = Command(keyword: Identifier("show", command.keyword.range), words: words)
        return try spec.action(synthetic, &state, context)
    }

    /// A word as a bare name, if it is one.
    static func name(of word: Word) -> String? {
        guard case .expression(let e) = word, case .path(let p) = e.kind, p.parts.count == 1, !p.wildcard else { return nil }
        return p.parts[0].name
    }

    private static func known(_ shows: [StatementSpec]) -> String {
        (["report"] + shows.map { $0.words[1] }).joined(separator: ", ")
    }

    private static func whatText(_ what: [Word], _ context: StatementContext) -> String {
        guard let first = what.first, let last = what.last else { return "" }
        return context.file.slice(first.range.union(last.range))
    }
}
