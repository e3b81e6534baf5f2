/// A bad row of a population extract, at `file:line:column`, in Norwegian and English.
public struct PopulationIssue: Sendable, Hashable, Codable, Error {
    /// The file name as the user gave it (`…/households.csv`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (characters) where the field starts.
    public var column: Int
    /// The reason in Norwegian bokmål.
    public var nb: String
    /// The reason in English.
    public var en: String

    /// An issue at a position.
    public init(file: String, line: Int, column: Int, nb: String, en: String) {
        self.file = file
        self.line = line
        self.column = column
        self.nb = nb
        self.en = en
    }

    /// `file:line:column: reason` in the language asked for.
    public func text(english: Bool) -> String { "\(file):\(line):\(column): \(english ? en : nb)" }
}

/// Why a population could not be loaded: every bad row, in file order (nothing is loaded).
public struct PopulationLoadError: Sendable, Hashable, Error {
    /// The issues, households.csv first, each in line order.
    public var issues: [PopulationIssue]
}
