/// The compare statements (filled in by the compare work; see docs/LANGUAGE.md).
enum CompareStatements {
    static var all: [StatementSpec] { [] }
}
