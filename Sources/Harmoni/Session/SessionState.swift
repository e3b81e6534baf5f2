import HarmoniSimulate

/// Everything a session knows: the dataset, `let` bindings, the scenario's decisions, options.
///
/// Statements change it through ``StatementSpec/action``; the REPL keeps one for its lifetime,
/// `harmoni run` one per run.
public struct SessionState: Sendable {
    /// The loaded dataset. Setting it prepares ``baseline`` again.
    public var dataset: Dataset {
        get { storedDataset }
        set {
            storedDataset = newValue
            baseline = SimulationBaseline(newValue)
            ledgers.removeAll()
            datasetGeneration += 1
        }
    }
    /// Bumped whenever ``dataset`` is set (a `baseline` correction, an import): part of the
    /// population runs' cache key, so a changed dataset is priced again. The ranged reruns of
    /// ``setDataset(prepared:)`` keep the generation: their population lines stay at the central
    /// pricing (docs/UNCERTAINTY.md says the population part of a result carries no range yet).
    public private(set) var datasetGeneration = 0
    private var storedDataset: Dataset
    /// The dataset prepared for simulation, once per dataset state (issue 12): every statement
    /// that runs the simulator reads it instead of preparing its own.
    public private(set) var baseline: SimulationBaseline
    /// The last simulator run in each price basis on ``baseline`` (emptied when it changes): the
    /// next `show impact` or decision check reuses or continues it (``LedgerCache``).
    public var ledgers = LedgerCache()
    /// The dataset paths it was loaded from (named in saved scenarios).
    public var datasetPaths: [String]
    /// `let` bindings, in the order they were made.
    public var bindings: [(name: String, value: RuntimeValue)] = []
    /// The scenario's decisions and settings, in the order they were made.
    public var scenario = ScenarioState()
    /// Message and table language.
    public var language: DisplayLanguage = .nb
    /// `baseline` corrections made in this session, as canonical statements (saved with the scenario).
    public var baselineCorrections: [String] = []
    /// Files read by `include`, by the name diagnostics use, so errors in them can be shown.
    public var sourceFiles: [String: SourceFile] = [:]
    /// Files `export` and `save` asked to write while writes are staged
    /// (``StatementContext/stagesWrites``): written by ``Session/commitPendingWrites()`` only when
    /// the whole run had no errors.
    public var pendingWrites: [PendingWrite] = []
    /// The population of `population synthetic` or `population load` (docs/POPULATION.md), if any:
    /// with one, `show impact` and `show budget` get the income-tested rules' revenue effect.
    public var population: HouseholdPopulation? {
        didSet { populationGeneration += 1 }
    }
    /// Bumped whenever ``population`` changes (the population runs' cache key).
    public private(set) var populationGeneration = 0
    /// The last population runs (shared by copies of the state; keyed by generation and scenario).
    var populationRuns = PopulationRunCache()
    /// True after `ranges on`: tables show a low–high range beside estimates and the results that
    /// rest on them (docs/UNCERTAINTY.md). Saved with the scenario.
    public var showsRanges = false

    public init(dataset: Dataset, datasetPaths: [String]) {
        self.storedDataset = dataset
        self.baseline = SimulationBaseline(dataset)
        self.datasetPaths = datasetPaths
    }

    /// Sets the dataset with its baseline already prepared (``SimulationBaseline/setting(_:)``
    /// makes one from the current baseline); `baseline.dataset` must be `dataset`.
    public mutating func setDataset(prepared baseline: SimulationBaseline) {
        storedDataset = baseline.dataset
        self.baseline = baseline
        ledgers.removeAll()
    }

    /// The value bound to a name, if any (the latest binding wins).
    public func binding(_ name: String) -> RuntimeValue? { bindings.last { $0.name == name }?.value }

    /// The baseline year of the dataset (its `baseline_year`, 2019 when it names none): the year
    /// fee references read from.
    public var baselineYear: Int { storedDataset.baselineYear }
}

/// What a statement produced, in order.
public enum Output: Sendable {
    /// A table to show (or export).
    case table(Table)
    /// A line of text to show.
    case text(String)
    /// A warning or note (errors stop a statement and are thrown instead).
    case diagnostic(Diagnostic)
}

/// What a statement may know about where it runs.
public struct StatementContext: Sendable {
    /// The file (or REPL line) the statement is in.
    public var file: SourceFile
    /// The language of messages.
    public var language: DisplayLanguage
    /// The folder relative paths in the statement are resolved against.
    public var workingDirectory: String
    /// Folders `export` and `save` may write below, besides the working directory.
    public var allowedWriteFolders: [String] = []
    /// True when `--force` was given: existing files may be replaced.
    public var force = false
    /// The files being included, outermost first (for cycle detection).
    public var includeStack: [String] = []
    /// True when `export` and `save` only stage their files in ``SessionState/pendingWrites``
    /// (`harmoni run`, and the scenarios `compare` runs): a run with an error writes nothing.
    public var stagesWrites = false

    public init(file: SourceFile, language: DisplayLanguage, workingDirectory: String) {
        self.file = file
        self.language = language
        self.workingDirectory = workingDirectory
    }

    /// An error at a range of this statement's file.
    public func error(_ message: DiagnosticMessage, _ range: SourceRange) -> Diagnostic {
        // Messages quote what the file says: no control characters, no 10 MB names (TerminalText).
        let safe = DiagnosticMessage(
            code: message.code, nb: TerminalText.message(message.nb), en: TerminalText.message(message.en))
        return Diagnostic(.error, safe, file: file.name, range: range)
    }

    /// An error with a one-off message.
    public func error(_ nb: String, _ en: String, _ range: SourceRange, code: String = "statement") -> Diagnostic {
        error(DiagnosticMessage(code: code, nb: nb, en: en), range)
    }
}
