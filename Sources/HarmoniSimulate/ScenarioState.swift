import HarmoniModel

/// A scenario as the interpreter builds it: settings and decisions, in the order they were made.
///
/// The simulator turns it and a baseline ``Dataset`` into a ledger. Saving a session writes these
/// decisions as a canonical scenario file.
public struct ScenarioState: Sendable, Hashable {
    /// The scenario's name (from `scenario "…"` or the file it was loaded from).
    public var name: String?
    /// The years simulated (`period 2020...2023`).
    public var period: ClosedRange<Int> = 2020...2023
    /// Deflator overrides per year (`deflator 2021 = 0 %`), in the order given.
    public var deflatorOverrides: [YearRate] = []
    /// The decisions in the order made.
    public var decisions: [Decision] = []
    /// True when decisions were made since the last save or load.
    public var hasUnsavedChanges = false

    public init() {}
}

/// A rate for one year.
public struct YearRate: Sendable, Hashable, Codable {
    public var year: Int
    public var rate: Rate
    public init(year: Int, rate: Rate) {
        self.year = year
        self.rate = rate
    }
}

/// One decision of a scenario, with the canonical statement text that reproduces it.
public struct Decision: Sendable, Hashable {
    /// The canonical statement (`harmonise sfo.* to asker over 2020...2021`).
    public var statement: String
    public init(statement: String) { self.statement = statement }
}
