import Foundation
import HarmoniSimulate

/// The interactive loop economists explore in: reads entries from a ``LineReader``, runs them in
/// a ``Session``, and writes results and diagnostics to a ``ReplOutput``.
///
/// An entry is one line, or several when the parser says the statement is unfinished
/// (``Diagnostic/isUnexpectedEnd``): the loop then shows a continuation prompt. Lines starting
/// with `.` are session commands (``DotCommand``); `help` and `quit` are understood too. Errors
/// are printed with a caret and the loop goes on; it ends only on `quit`, `.quit` or end of input.
public final class ReplLoop {
    /// The interpreter session: dataset, bindings, the scenario's decisions.
    public let session: Session
    /// Where lines come from.
    public let reader: LineReader
    /// Where text goes.
    public let output: ReplOutput
    /// True on a terminal: banner, history, confirmations; false for a pipe or a file.
    public let interactive: Bool
    /// ANSI colours in diagnostics (only on a terminal, never with `NO_COLOR`).
    public var colours: Bool
    /// The persistent history, if any (only written when interactive).
    public var history: HistoryFile?
    /// How tables are shown in each ``OutputMode``.
    public var tableRenderer: TableRenderer = .standard
    /// The current output mode (`.mode`).
    public internal(set) var mode: OutputMode = .table
    /// True when `.timer on` was given: each entry's run time is shown after it.
    public internal(set) var timer = false
    /// `.output FILE`: results are appended to this file after each entry.
    var outputFile: AppendFile?
    /// `.verbose on`: tables at the prompt keep every note and source (off: one line «.notes»).
    public var verbose = false
    /// The pager for results wider than the terminal (`.pager on|off`; off unless on a terminal).
    public var pager = Pager()
    /// The tables shown last, for `.notes`.
    var lastTables: [Table] = []
    /// True while `.load` runs a file: nothing it shows starts the pager.
    var loading = false
    /// The file the scenario was last saved to or loaded from.
    public internal(set) var scenarioPath: String?
    /// The scenario as last saved or loaded; unsaved means "different from this".
    var savedScenario = ScenarioState()
    /// Lines of an unfinished entry.
    var pending: [String] = []
    /// True once an entry failed (the exit status in piped mode).
    public internal(set) var hadErrors = false
    /// Set by `quit`: the loop ends after the current entry.
    var quitRequested = false
    /// Completion words from the dataset and registry; binding names are refreshed per prompt.
    var completion: CompletionContext
    /// The dataset paths ``completion`` was built for (a `use dataset` statement may change them).
    var completionDatasetPaths: [String]

    /// A loop over `session`. Nothing is read until ``run()``.
    public init(session: Session, reader: LineReader, output: ReplOutput, interactive: Bool, colours: Bool = false) {
        self.session = session
        self.reader = reader
        self.output = output
        self.interactive = interactive
        self.colours = colours
        self.completion = CompletionContext(dataset: session.state.dataset, workingDirectory: session.workingDirectory)
        self.completionDatasetPaths = session.state.datasetPaths
    }

    var language: DisplayLanguage { session.state.language }

    /// Norwegian or English text for the session's language.
    func text(_ nb: String, _ en: String) -> String { language == .nb ? nb : en }

    /// `harmoni> `, `harmoni[*]> ` (unsaved, no name), `harmoni[navn]> `, `harmoni[navn*]> `.
    public var prompt: String {
        let scenario = session.state.scenario
        let mark = scenario.hasUnsavedChanges ? "*" : ""
        guard let name = scenario.name else { return mark.isEmpty ? "harmoni> " : "harmoni[*]> " }
        return "harmoni[\(name)\(mark)]> "
    }

    /// `...> `, right-aligned under the prompt.
    public var continuationPrompt: String {
        String(repeating: " ", count: max(0, prompt.count - 5)) + "...> "
    }

    /// Reads and runs entries until `quit` or end of input. Returns the exit status: 0, or 1 in
    /// piped mode when any entry failed.
    public func run() -> Int32 {
        if interactive {
            output.write(banner())
            for entry in history?.load() ?? [] { reader.addHistory(entry) }
        }
        while !quitRequested {
            reader.completionContext = currentCompletionContext()
            switch reader.readLine(prompt: pending.isEmpty ? prompt : continuationPrompt) {
            case .line(let line): handle(line)
            case .interrupted: pending = []
            case .endOfInput:
                if !pending.isEmpty { finishPending() }
                if offerToSave() { quitRequested = true }
            }
        }
        return !interactive && hadErrors ? 1 : 0
    }

    /// The completion words for the next prompt: rebuilt if the dataset changed, with the
    /// current `let` names.
    func currentCompletionContext() -> CompletionContext {
        if session.state.datasetPaths != completionDatasetPaths {
            completion = CompletionContext(dataset: session.state.dataset, workingDirectory: session.workingDirectory)
            completionDatasetPaths = session.state.datasetPaths
        }
        completion.bindings = session.state.bindings.map(\.name)
        return completion
    }

    /// Handles one line: a session command, `help`, `quit`, or (part of) a statement.
    public func handle(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if pending.isEmpty {
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            if trimmed.hasPrefix(".") {
                remember(trimmed)
                runDotCommand(trimmed)
                return
            }
            let words = trimmed.split(separator: " ").map(String.init)
            if let first = words.first, ["help", "hjelp"].contains(first) {
                remember(trimmed)
                showHelp(Array(words.dropFirst()))
                return
            }
            if words.count == 2, StatementRegistry.canonical(words[0]) == "show",
                Vocabulary.canonical(words[1]) == "notes"
            {
                remember(trimmed)
                showNotes()
                return
            }
            if ["quit", "exit", "avslutt"].contains(trimmed) {
                remember(trimmed)
                if offerToSave() { quitRequested = true }
                return
            }
        }
        pending.append(line)
        let file = SourceFile(normalising: pending.joined(separator: "\n"), name: "<repl>")
        let errors = Parser.parse(file).diagnostics.filter { $0.severity == .error }
        if Diagnostic.needsContinuation(errors) { return }
        pending = []
        remember(file.text)
        timed { runEntry(file) }
    }

    /// Runs what is left of an unfinished entry at the end of input, so its error is shown.
    func finishPending() {
        let file = SourceFile(normalising: pending.joined(separator: "\n"), name: "<repl>")
        pending = []
        runEntry(file)
    }

    /// Parses and runs an entry: every statement, each error shown with its caret.
    func runEntry(_ file: SourceFile) {
        let (unit, diagnostics) = Parser.parse(file)
        let renderer = DiagnosticRenderer(language: language, colours: colours)
        if diagnostics.contains(where: { $0.severity == .error }) {
            output.writeError(diagnostics.map { renderer.render($0, in: source(of: $0, file)) }.joined())
            hadErrors = true
            return
        }
        let context = session.makeContext(file)
        for statement in unit.statements {
            do throws(Diagnostic) {
                show(try session.execute(statement, context), file: file)
            } catch {
                output.writeError(renderer.render(error, in: source(of: error, file)))
                hadErrors = true
            }
        }
        refreshUnsaved()
    }

    /// Shows outputs: results to standard output (or the `.output` file), warnings to standard error.
    func show(_ outputs: [Output], file: SourceFile?) {
        let (results, messages) = render(outputs, file: file)
        let tables = outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }
        if !tables.isEmpty { lastTables = tables }
        if !results.isEmpty { emitPaged(results) }
        if !messages.isEmpty { output.writeError(messages) }
    }

    /// The one place outputs become text: tables in the current ``mode`` through
    /// ``tableRenderer``, text as lines, warnings rendered with their caret.
    public func render(_ outputs: [Output], file: SourceFile?) -> (results: String, messages: String) {
        var results = ""
        var messages = ""
        let renderer = DiagnosticRenderer(language: language, colours: colours)
        let effective = tableRenderer.supportedModes.contains(mode) ? mode : .table
        for output in outputs {
            switch output {
            case .text(let line): results += TerminalText.sanitize(line.hasSuffix("\n") ? line : line + "\n")
            case .table(let table):
                if !results.isEmpty, effective == .table { results += "\n" }
                let brief = showsBriefTables && effective == .table
                results += TerminalText.sanitize(tableRenderer.render(brief ? self.brief(table) : table, effective, language))
                if brief, !table.notes.isEmpty || !table.sources.isEmpty { results += notesHint + "\n" }
            case .diagnostic(let diagnostic): messages += renderer.render(diagnostic, in: file.flatMap { source(of: diagnostic, $0) })
            }
        }
        return (results, messages)
    }

    /// The text a diagnostic points into: the entry, a file a statement included (kept in the
    /// session's `state.sourceFiles`), or nothing (no caret rather than a caret in the wrong text).
    func source(of diagnostic: Diagnostic, _ entry: SourceFile) -> SourceFile? {
        diagnostic.fileName == entry.name ? entry : session.state.sourceFiles[diagnostic.fileName]
    }

    /// Writes results to the `.output` file if one is set, else to standard output.
    func emit(_ results: String) {
        guard let file = outputFile else { return output.write(results) }
        do throws(FileWriteError) {
            try file.append(results)
        } catch {
            outputFile = nil
            fail(error.message(language) + text(" (utdata går til skjermen igjen)", " (output goes to the screen again)"))
            output.write(results)
        }
    }

    /// Prints an error of the REPL itself (not of a statement) and remembers that one happened.
    func fail(_ message: String) {
        var label = Severity.error.label(language)
        if colours { label = "\u{1B}[1;31m\(label)\u{1B}[0m" }
        output.writeError("\(label): \(message)\n")
        hadErrors = true
    }

    /// Adds an entry to the reader's history and, when interactive, to the history file.
    func remember(_ entry: String) {
        guard interactive else { return }
        reader.addHistory(entry)
        do throws(FileWriteError) {
            try history?.append(entry)
        } catch {
            output.writeError(text("merk: historikken ble ikke lagret: ", "note: history not saved: ") + error.message(language) + "\n")
            history = nil
        }
    }

    /// Runs `body`, then shows its run time when the timer is on.
    func timed(_ body: () -> Void) {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        guard timer else { return }
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var number = String(format: "%.3f", milliseconds)
        if language == .nb { number = number.replacingOccurrences(of: ".", with: ",") }
        output.write(text("Tid: \(number) ms\n", "Time: \(number) ms\n"))
    }

    /// The line shown when the REPL starts on a terminal.
    func banner() -> String {
        let dataset = session.state.dataset
        return text(
            "harmoni \(CLI.version) – \(dataset.fees.count) gebyrer, \(dataset.services.count) tjenester. Skriv «help» for hjelp, «.quit» eller Ctrl-D for å avslutte.\n",
            "harmoni \(CLI.version) – \(dataset.fees.count) fees, \(dataset.services.count) services. Type «help» for help, «.quit» or Ctrl-D to leave.\n")
    }
}
