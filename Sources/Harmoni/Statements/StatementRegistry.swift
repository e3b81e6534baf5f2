/// Every statement of the language, looked up by its first word (or first two for `show …`).
public enum StatementRegistry {
    /// All statements: each group lives in its own file.
    public static var all: [StatementSpec] {
        UncertaintyStatements.wrapping(
            CoreStatements.all + CompareStatements.all + HouseholdStatements.all + SimulateStatements.all
                + ScenarioStatements.all + ExportStatements.all + BaselineStatements.all + MergerStatements.all
                + PopulationStatements.all) + UncertaintyStatements.all
    }

    /// Norwegian spellings of first words (``Vocabulary/statementWords``).
    public static var aliases: [String: String] { Vocabulary.statementWords }

    /// The canonical first word for a keyword or alias.
    public static func canonical(_ word: String) -> String { Vocabulary.statementWords[word] ?? word }

    /// True if the word starts a statement (so it cannot be bound with `let`).
    public static func isKeyword(_ word: String) -> Bool {
        let first = canonical(word)
        return all.contains { $0.words.first == first } || word == "let"
    }

    /// The spec for a command: two-word specs (`show diff`) before one-word ones.
    public static func find(_ command: Command) -> StatementSpec? {
        let first = canonical(command.keyword.name)
        var second: String?
        if case .expression(let e)? = command.words.first, case .path(let p) = e.kind, p.parts.count >= 1 {
            second = Vocabulary.objectWords[p.parts[0].name] ?? p.parts[0].name
        }
        let specs = all
        if let second, let spec = specs.first(where: { $0.words.count == 2 && $0.words[0] == first && $0.words[1] == second }) {
            return spec
        }
        return specs.first { $0.words.count == 1 && $0.words[0] == first }
    }

    /// "unknown statement" with the closest known word («mente du …?») and the known ones listed.
    static func unknownStatement(_ command: Command, _ context: StatementContext) -> Diagnostic {
        let first = canonical(command.keyword.name)
        let specs = all
        if specs.contains(where: { $0.words[0] == first }) {
            let options = specs.filter { $0.words[0] == first && $0.words.count == 2 }.map { $0.words[1] }
            let range = command.words.first?.range ?? command.keyword.range
            let typed = command.words.first.flatMap(ExportStatements.name(of:)) ?? ""
            let objects = options + Vocabulary.objectWords.filter { options.contains($0.value) }.map(\.key).sorted()
            let hint = Suggestion.phrase(for: typed, in: objects)
            let list = options.joined(separator: ", ")
            let keyword = command.keyword.name
            if typed.isEmpty {
                return context.error(
                    "«\(keyword)» må følges av ett av: \(list)", "«\(keyword)» must be followed by one of: \(list)", range,
                    code: "unknown-statement")
            }
            return context.error(
                "ukjent «\(keyword) \(typed)»\(hint.nb); «\(keyword)» må følges av ett av: \(list)",
                "unknown «\(keyword) \(typed)»\(hint.en); «\(keyword)» must be followed by one of: \(list)", range,
                code: "unknown-statement")
        }
        let known = Array(Set(specs.map { $0.words[0] })).sorted()
        let spellings = known + ["let", "help"] + Vocabulary.statementWords.keys.sorted()
        let hint = Suggestion.phrase(for: command.keyword.name, in: spellings)
        return context.error(
            "ukjent setning «\(command.keyword.name)»\(hint.nb); kjente: \(known.joined(separator: ", "))",
            "unknown statement «\(command.keyword.name)»\(hint.en); known: \(known.joined(separator: ", "))", command.keyword.range,
            code: "unknown-statement")
    }
}
