import HarmoniModel

/// Everything tab completion may offer, as plain words: built once from the statement registry
/// and the dataset, with the session's `let` names refreshed before each prompt.
///
/// A value (not a reference to the session) so that readline's C callback can read it from a
/// global `Mutex` without touching the session.
public struct CompletionContext: Sendable, Equatable {
    /// First words of statements, their aliases, `let`, `help`, `quit`; sorted.
    public var statementWords: [String] = []
    /// Second words of two-word statements by first word (and by each alias): `show` → `diff`, `impact`.
    public var secondWords: [String: [String]] = [:]
    /// Other words statements use (`to`, `over`, `lowest`, `per`, …) and function names; sorted.
    public var keywords: [String] = []
    /// Service ids (`sfo`), in dataset order.
    public var services: [String] = []
    /// Fee lines per service id: `sfo` → `plass_5d`, `plass_4d`, … in dataset order.
    public var feeLines: [String: [String]] = [:]
    /// Municipality ids (`asker`, `royken`, `hurum`, `nye_asker`, `nasjonal`).
    public var municipalities: [String] = []
    /// Typical household ids (`a_familie_750k`).
    public var households: [String] = []
    /// Area ids (`oppvekst`).
    public var areas: [String] = []
    /// Names bound with `let` in the session.
    public var bindings: [String] = []
    /// Session commands with their dot (`.save`).
    public var dotCommands: [String] = []
    /// Words after a session command: `.mode` → `table`, `csv`, …
    public var dotCommandArguments: [String: [String]] = [:]
    /// Session commands whose argument is a file name (`.load`, `.save`, `.output`).
    public var fileCommands: Set<String> = []
    /// The folder relative file names are completed in.
    public var workingDirectory: String = "."

    /// An empty context: nothing completes.
    public init() {}

    /// The words for a session: statements from ``StatementRegistry/all``, ids from the dataset.
    public init(dataset: Dataset, specs: [StatementSpec] = StatementRegistry.all, workingDirectory: String) {
        self.workingDirectory = workingDirectory
        var first: Set<String> = ["let", "help", "hjelp", "quit", "exit", "avslutt"]
        var second: [String: Set<String>] = [:]
        var keywords = Set(Functions.names)
        for spec in specs {
            guard let head = spec.words.first else { continue }
            let spellings = [head] + spec.aliases + StatementRegistry.aliases.filter { $0.value == head }.map(\.key)
            first.formUnion(spellings)
            if spec.words.count > 1 {
                for spelling in spellings { second[spelling, default: []].insert(spec.words[1]) }
            }
            keywords.formUnion(Self.usageKeywords(spec.usage))
        }
        keywords.subtract(first)
        statementWords = first.sorted()
        secondWords = second.mapValues { $0.sorted() }
        self.keywords = keywords.sorted()
        services = dataset.services.map(\.id.rawValue)
        for service in dataset.services {
            feeLines[service.id.rawValue] = dataset.lines(of: service.id).map(\.line.rawValue)
        }
        municipalities = dataset.mergingMunicipalities.map(\.rawValue)
        households = dataset.households.map(\.id.rawValue)
        areas = dataset.areas.map(\.id.rawValue)
        for command in DotCommand.all {
            dotCommands.append("." + command.name)
            if !command.argumentWords.isEmpty { dotCommandArguments["." + command.name] = command.argumentWords }
            if command.takesFile { fileCommands.insert("." + command.name) }
        }
    }

    /// The literal words of a usage line: `show diff <tjeneste> [per year|as published]` gives
    /// `show`, `diff`, `per`, `year`, `as`, `published` (placeholders in `< >` are left out).
    static func usageKeywords(_ usage: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inPlaceholder = false
        for character in usage + " " {
            if character == "<" { inPlaceholder = true }
            if character.isLetter || character.isNumber || character == "_" {
                if !inPlaceholder { current.append(character) }
            } else {
                if !current.isEmpty, current.first?.isLetter == true { words.append(current) }
                current = ""
            }
            if character == ">" { inPlaceholder = false }
        }
        return words
    }
}
