/// The simulate statements (filled in by the simulate work; see docs/LANGUAGE.md).
enum SimulateStatements {
    static var all: [StatementSpec] { [] }
}
