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

    /// "unknown statement" with the known ones listed.
    static func unknownStatement(_ command: Command, _ context: StatementContext) -> Diagnostic {
        let first = canonical(command.keyword.name)
        let specs = all
        if specs.contains(where: { $0.words[0] == first }) {
            let options = specs.filter { $0.words[0] == first && $0.words.count == 2 }.map { $0.words[1] }
            let range = command.words.first?.range ?? command.keyword.range
            return context.error(
                "«\(command.keyword.name)» må følges av ett av: \(options.joined(separator: ", "))",
                "«\(command.keyword.name)» must be followed by one of: \(options.joined(separator: ", "))", range,
                code: "unknown-statement")
        }
        let known = Array(Set(specs.map { $0.words[0] })).sorted()
        return context.error(
            "ukjent setning «\(command.keyword.name)»; kjente: \(known.joined(separator: ", "))",
            "unknown statement «\(command.keyword.name)»; known: \(known.joined(separator: ", "))", command.keyword.range,
            code: "unknown-statement")
    }
}
