/// The export statements (filled in by the exports work; see docs/LANGUAGE.md).
enum ExportStatements {
    static var all: [StatementSpec] { [] }
}
