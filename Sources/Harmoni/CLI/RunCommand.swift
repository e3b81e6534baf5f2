import Foundation

/// `harmoni run FILE…` and `harmoni -e 'statements'`: run statements on the datasets and print
/// their output. Exit status 1 with every diagnostic on any error.
///
/// `--format csv|md|json|html|xlsx|table` writes every table the run produced in that format, to
/// `--output FILE` (atomically; an existing file only with `--force`) or to standard output. The
/// format defaults to the output file's extension, else `table` (the terminal rendering).
enum RunCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions, inline: Bool) -> CLIResult {
        let nb = options.language == .nb
        if arguments.contains("--help") {
            return CLIResult(stdout: HelpText.run(options.language) + help(options.language) + HelpText.globalOptions(options.language))
        }
        var force = false
        var formatName: String?
        var outputPath: String?
        var allowed: [String] = []
        var inputs: [String] = []
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--force": force = true
            case "-e" where inline: break
            case "--allow-write":
                guard index + 1 < arguments.count else {
                    return CLI.usageError("--allow-write trenger en mappe", "--allow-write needs a folder", options.language)
                }
                allowed.append(arguments[index + 1])
                index += 1
            case "--format", "--output", "-o":
                guard index + 1 < arguments.count else {
                    return CLI.usageError(
                        "\(arguments[index]) trenger en verdi", "\(arguments[index]) needs a value", options.language)
                }
                if arguments[index] == "--format" { formatName = arguments[index + 1] } else { outputPath = arguments[index + 1] }
                index += 1
            case let flag where flag.hasPrefix("--"):
                return HelpText.unknownOption(
                    flag, command: inline ? "-e" : "run", known: ["--format", "--output", "--force", "--allow-write"],
                    options.language)
            default: inputs.append(arguments[index])
            }
            index += 1
        }
        guard !inputs.isEmpty else {
            return CLI.usageError(
                inline ? "-e trenger setninger" : "run trenger minst én fil", inline ? "-e needs statements" : "run needs at least one file",
                options.language)
        }
        let format: OutputFormat
        switch OutputFormat.choose(name: formatName, output: outputPath) {
        case .success(let chosen): format = chosen
        case .failure(let message): return CLI.usageError(message.nb, message.en, options.language)
        }
        guard let paths = CLI.datasetPaths(options) else {
            return CLI.usageError("fant ikke datasettene; oppgi --dataset", "could not find the datasets; give --dataset", options.language)
        }
        let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
        let (session, loaded) = Session.load(datasetPaths: paths)
        guard let session else {
            var result = CLIResult(status: 1)
            result.stderr = renderer.render(loaded.diagnostics, files: loaded.files)
            result.stderr += nb ? "datasettet har feil; kjør «harmoni check»\n" : "the dataset has errors; run «harmoni check»\n"
            return result
        }
        session.state.language = options.language
        session.force = force
        session.allowedWriteFolders = allowed
        session.stagesWrites = true
        var result = CLIResult()
        var files: [SourceFile] = []
        for (i, input) in inputs.enumerated() {
            if inline {
                files.append(
                    SourceFile(normalising: StatementSeparator.lines(input), name: inputs.count == 1 ? "<-e>" : "<-e \(i + 1)>"))
            } else {
                switch FileAccess.readSource(input) {
                case .success(let file): files.append(file)
                case .failure(let diagnostic):
                    result.stderr += renderer.render(diagnostic, in: nil)
                    result.status = 1
                }
            }
        }
        var outputs: [Output] = []
        var runs: [(outputs: [Output], file: SourceFile)] = []
        let tag: DisplayLanguageTag = nb ? .nb : .en
        let toTerminal = format == .table && outputPath == nil
        for file in files {
            let run = session.run(file)
            outputs += run.outputs
            runs.append((run.outputs, file))
            result.stderr += renderer.render(run.diagnostics, files: run.files)
            if run.hasErrors { result.status = 1 }
        }
        // `harmoni run FILE` begins with the summary (not `-e`, whose statements are the point).
        let summary = inline || result.status != 0 ? [] : session.summaryTables()
        var memory = TextTable.RunMemory()
        if toTerminal, !summary.isEmpty {
            result.stdout += summary.map { TerminalText.sanitize(TextTable.render($0, language: tag, memory: &memory)) }
                .joined(separator: "\n") + "\n"
        }
        for run in runs {
            if toTerminal {
                // Each file's notes once and its sources numbered and listed after it, so a file's
                // output reads the same whatever ran before it.
                var memory = TextTable.RunMemory()
                result.stdout += OutputRenderer.render(
                    run.outputs, language: options.language, renderer: renderer, file: run.file, memory: &memory)
                if !memory.sources.isEmpty {
                    result.stdout += "\n" + TerminalText.sanitize(TextTable.renderSources(memory.sources, language: tag))
                }
            } else {
                // The tables go to the document; text and warnings to the terminal (stderr if stdout holds the document).
                let rest = run.outputs.filter { if case .table = $0 { false } else { true } }
                let text = OutputRenderer.render(rest, language: options.language, renderer: renderer, file: run.file)
                if outputPath == nil { result.stderr += text } else { result.stdout += text }
            }
        }
        var document: FileWrite?
        var count = 0
        if format != .table || outputPath != nil {
            let tables = outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }
            count = tables.count
            let title = session.state.scenario.name ?? "Harmoni"
            let (text, bytes) = render(
                tables, format, title: title, options, summary: summary, provenance: ReportBuilder.provenance(session.state, tag))
            if let outputPath {
                document = FileWrite(text, bytes: bytes, to: outputPath, overwrite: force)
            } else if bytes != nil {
                result.stderr += nb ? "xlsx er et binært format; oppgi --output FIL.xlsx\n" : "xlsx is a binary format; give --output FILE.xlsx\n"
                result.status = 2
            } else {
                result.stdout += text
            }
        }
        // The scenario's own files and --output are written together, all or nothing.
        commitWrites(session, options, document: document, &result)
        if let outputPath, result.status == 0 {
            result.stdout +=
                nb
                ? "Skrev \(count) \(count == 1 ? "tabell" : "tabeller") til «\(outputPath)».\n"
                : "Wrote \(count) \(count == 1 ? "table" : "tables") to «\(outputPath)».\n"
        }
        return result
    }

    /// Writes the files `export` and `save` staged, and the `--output` document, only if the whole
    /// run had no errors, and all or nothing: a scenario with an error writes nothing (PRODUCT §4),
    /// and one file that cannot be written stops them all, so no half result is left on disk.
    static func commitWrites(_ session: Session, _ options: GlobalOptions, document: FileWrite?, _ result: inout CLIResult) {
        let nb = options.language == .nb
        guard result.status == 0 else {
            let skipped = session.discardPendingWrites().map { "«\($0.path)»" } + (document.map { ["«\($0.shown)»"] } ?? [])
            if !skipped.isEmpty {
                let list = skipped.joined(separator: ", ")
                result.stderr += nb ? "Ingen filer ble skrevet fordi kjøringen hadde feil (\(list)).\n" : "No files were written because the run had errors (\(list)).\n"
            }
            return
        }
        let failures = session.commitPendingWrites(extra: document.map { [$0] } ?? [])
        for failure in failures {
            result.stderr += "harmoni: \(failure)\n"
            result.status = 1
        }
        if !failures.isEmpty {
            result.stderr += nb ? "Ingen filer ble skrevet.\n" : "No files were written.\n"
        }
    }

    /// `tables` as one document in `format`, after the summary; binary formats (`.xlsx`) as bytes.
    static func render(
        _ tables: [Table], _ format: OutputFormat, title: String, _ options: GlobalOptions, summary: [Table] = [],
        provenance: String? = nil
    ) -> (text: String, bytes: [UInt8]?) {
        let tag: DisplayLanguageTag = options.language == .nb ? .nb : .en
        switch format {
        case .table: return (TerminalText.sanitize(tables.map { TextTable.render($0, language: tag) }.joined(separator: "\n")), nil)
        case .export(.html) where !summary.isEmpty:
            return (HTMLReport.render(Report(title: title, provenance: provenance, summary: summary, tables: tables, language: tag)), nil)
        case .export(let exportFormat) where exportFormat.isBinary:
            return ("", Exporter.data(summary + tables, as: exportFormat, title: title, language: tag))
        case .export(let exportFormat): return (Exporter.export(summary + tables, as: exportFormat, title: title, language: tag), nil)
        }
    }

    /// The options `run` adds to its help text.
    static func help(_ language: DisplayLanguage) -> String {
        language == .nb
            ? """

                Valg:
                  --format csv|md|json|html|xlsx|table   skriv alle tabellene i dette formatet (standard: filendelsen til --output, ellers table)
                                                         eksempel: harmoni run --format md scenarios/laveste-nivaa.harmoni
                  --output FIL                       skriv til FIL (atomisk; en fil som finnes erstattes bare med --force)
                                                     eksempel: harmoni run --output ut/hp2020.html scenarios/hp2020-radmannens-prinsipper.harmoni
                  --force                            erstatt filer som finnes (også for «eksporter» og «lagre»)
                                                     eksempel: harmoni run --force --output ut/hp2020.csv scenarios/hp2020-radmannens-prinsipper.harmoni
                  --allow-write MAPPE                la «eksporter» og «lagre» skrive under MAPPE i tillegg til arbeidsmappen
                                                     eksempel: harmoni run --allow-write /tmp/ut scenarios/mitt.harmoni
                  -e 'SETNINGER'                     kjør setninger i stedet for filer (kan gjentas; «;» skiller setninger)
                                                     eksempel: harmoni -e 'vis forskjell sfo' -e 'vis budsjett'

                """
            : """

                Options:
                  --format csv|md|json|html|xlsx|table   write every table in this format (default: the --output extension, else table)
                                                         example: harmoni run --format md scenarios/laveste-nivaa.harmoni
                  --output FILE                      write to FILE (atomically; an existing file is replaced only with --force)
                                                     example: harmoni run --output out/hp2020.html scenarios/hp2020-radmannens-prinsipper.harmoni
                  --force                            replace existing files (also for «export» and «save»)
                                                     example: harmoni run --force --output out/hp2020.csv scenarios/hp2020-radmannens-prinsipper.harmoni
                  --allow-write FOLDER               let «export» and «save» write below FOLDER besides the working directory
                                                     example: harmoni run --allow-write /tmp/out scenarios/mine.harmoni
                  -e 'STATEMENTS'                    run statements instead of files (repeatable; «;» separates statements)
                                                     example: harmoni -e 'show diff sfo' -e 'show budget'

                """
    }
}

/// What `run` writes: the terminal rendering or an export format.
enum OutputFormat: Equatable {
    case table
    case export(ExportFormat)

    /// The format from `--format`, else from the `--output` extension, else `table`.
    static func choose(name: String?, output: String?) -> Result<OutputFormat, UsageMessage> {
        if let name {
            if name == "table" || name == "tabell" { return .success(.table) }
            guard let format = ExportFormat(name: name) else {
                return .failure(
                    UsageMessage(nb: "--format tar csv, md, json, html, xlsx eller table", en: "--format takes csv, md, json, html, xlsx or table"))
            }
            return .success(.export(format))
        }
        guard let output else { return .success(.table) }
        if let format = ExportFormat(fileName: output) { return .success(.export(format)) }
        if output.hasSuffix(".txt") { return .success(.table) }
        return .failure(
            UsageMessage(
                nb: "kan ikke se formatet av «\(output)»; oppgi --format csv|md|json|html|xlsx|table",
                en: "cannot tell the format of «\(output)»; give --format csv|md|json|html|xlsx|table"))
    }
}

/// A usage message in both languages.
struct UsageMessage: Error, Equatable {
    var nb: String
    var en: String
}

/// Turns statement outputs into terminal text.
public enum OutputRenderer {
    /// As ``render(_:language:renderer:file:)``, with each explanatory note shown once per run and
    /// sources as numbers into the run's list (`harmoni run` prints the list at the end).
    public static func render(
        _ outputs: [Output], language: DisplayLanguage, renderer: DiagnosticRenderer, file: SourceFile?,
        memory: inout TextTable.RunMemory
    ) -> String {
        var out = ""
        for (i, output) in outputs.enumerated() {
            switch output {
            case .table(let table):
                if i > 0 { out += "\n" }
                out += TerminalText.sanitize(TextTable.render(table, language: language == .nb ? .nb : .en, memory: &memory))
            default: out += render([output], language: language, renderer: renderer, file: file)
            }
        }
        return out
    }

    public static func render(
        _ outputs: [Output], language: DisplayLanguage, renderer: DiagnosticRenderer, file: SourceFile?
    ) -> String {
        var out = ""
        for (i, output) in outputs.enumerated() {
            switch output {
            case .text(let text): out += TerminalText.sanitize(text.hasSuffix("\n") ? text : text + "\n")
            case .table(let table):
                if i > 0 { out += "\n" }
                out += TerminalText.sanitize(TextTable.render(table, language: language == .nb ? .nb : .en))
            case .diagnostic(let diagnostic): out += renderer.render(diagnostic, in: file)
            }
        }
        return out
    }
}
