import HarmoniModel

/// A scenario as the interpreter builds it: settings and decisions, in the order they were made.
///
/// The simulator turns it and a baseline ``Dataset`` into a ledger. Saving a session writes
/// ``canonicalStatements``: the settings first, then the decisions.
public struct ScenarioState: Sendable, Hashable {
    /// The scenario's name (from `scenario "…"` or the file it was loaded from).
    public var name: String?
    /// The scenario's own date (`scenario "…" dated 2019-11-05`): what reports print as its date,
    /// so the same scenario gives the same bytes on any day (no clock is ever read).
    public var date: CalendarDate?
    /// The years simulated (`period 2020...2023`).
    public var period: ClosedRange<Int> = 2020...2023
    /// Deflator overrides per year (`deflator 2021 = 0 %`), in the order given; the last for a year wins.
    public var deflatorOverrides: [YearRate] = []
    /// Fixed first-year kroner (default) or nominal kroner (`prices nominal`).
    public var prices: PriceBasis = .fixed
    /// Volume growth settings (`growth sfo = 1 %`), in the order given; the last matching wins.
    public var growth: [VolumeGrowth] = []
    /// The decisions in the order made.
    public var decisions: [Decision] = []
    /// True when decisions were made since the last save or load.
    public var hasUnsavedChanges = false

    /// An empty scenario: 2020-2023, fixed prices, no decisions.
    public init() {}

    /// The statements that set this scenario's settings, only where they differ from the defaults:
    /// `period …`, `deflator …`, `prices …`, `growth …`, in that order.
    public var settingStatements: [String] {
        var lines: [String] = []
        if period != 2020...2023 { lines.append("period \(period.lowerBound)...\(period.upperBound)") }
        for override in deflatorOverrides {
            lines.append("deflator \(override.year) = \(override.rate)")
        }
        if prices != .fixed { lines.append("prices \(prices.rawValue)") }
        for setting in growth { lines.append(setting.canonicalStatement) }
        return lines
    }

    /// Every statement that rebuilds the scenario: settings, then decisions in order.
    public var canonicalStatements: [String] {
        settingStatements + decisions.map(\.canonicalStatement)
    }
}

/// A rate for one year.
public struct YearRate: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// The rate.
    public var rate: Rate
    /// Creates a rate for a year.
    public init(year: Int, rate: Rate) {
        self.year = year
        self.rate = rate
    }
}

/// How the volumes of a service (or of all services) grow per year after the baseline year.
///
/// Without a setting, volumes stay at their 2019 level. A growth rate applies from the period's
/// first year; `population` takes each old municipality's change in an age group from 1.1.2018 to
/// 1.1.2019 (SSB 07459) as its yearly rate, an explicit trend assumption.
public struct VolumeGrowth: Sendable, Hashable {
    /// A service or subsidy scheme id, or `nil` for every service.
    public var service: String?
    /// How the volumes grow.
    public var rule: Rule

    /// A yearly rate, or the trend of a population age group (`age_1_5`).
    public enum Rule: Sendable, Hashable {
        case rate(Rate)
        case population(String)
    }

    /// Creates a growth setting.
    public init(service: String?, rule: Rule) {
        self.service = service
        self.rule = rule
    }

    /// `growth sfo = 1 %`, `growth all = population age_6_9`.
    public var canonicalStatement: String {
        let target = service ?? "all"
        switch rule {
        case .rate(let rate): return "growth \(target) = \(rate)"
        case .population(let group): return "growth \(target) = population \(group)"
        }
    }
}
