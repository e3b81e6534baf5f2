/// The scenario statements (filled in by the scenario work; see docs/LANGUAGE.md).
enum ScenarioStatements {
    static var all: [StatementSpec] { [] }
}
