/// A statement of the language: its keyword(s), help text, and what it does.
///
/// Statements that read `show …`, `vis …` are registered with two words (`show diff`), the others
/// with one (`harmonise`). Norwegian aliases map to the same spec.
public struct StatementSpec: Sendable {
    /// The canonical words: `["show", "diff"]`, `["harmonise"]`.
    public var words: [String]
    /// Norwegian (or other) spellings of the first word, from ``Vocabulary``: `["vis"]`, `["harmoniser", "harmonize"]`.
    public var aliases: [String] { words.first.map { Vocabulary.spellings(of: $0, in: Vocabulary.statementWords) } ?? [] }
    /// A one-line usage: `show diff <tjeneste|gruppe|område> [per year|per month|as published]`.
    public var usage: String
    /// One sentence in Norwegian and English.
    public var summary: (nb: String, en: String)
    /// An example that runs on the shipped datasets.
    public var example: String
    /// What it does; throws a diagnostic at the offending word.
    public var action: @Sendable (Command, inout SessionState, StatementContext) throws(Diagnostic) -> [Output]

    public init(
        words: [String], usage: String, summary: (nb: String, en: String), example: String,
        action: @escaping @Sendable (Command, inout SessionState, StatementContext) throws(Diagnostic) -> [Output]
    ) {
        self.words = words
        self.usage = usage
        self.summary = summary
        self.example = example
        self.action = action
    }
}
