import HarmoniModel

/// Per-household results for finance: `results.csv` with one row per household and year.
public enum PopulationResults {
    /// The file name.
    public static let file = "results.csv"

    /// `household_id, kommune, year, before_kr, after_kr, change_kr` then the totals under the other
    /// rulebooks (`before_asker_kr` …): kroner with two decimals (øre), `.` as the decimal mark.
    public static func csv(_ run: PopulationRun, _ population: HouseholdPopulation) -> String {
        var out = "household_id,kommune,year,before_kr,after_kr,change_kr"
        for book in run.rulebooks { out += ",before_\(book.rawValue)_kr,after_\(book.rawValue)_kr" }
        out += "\n"
        for (y, year) in run.years.enumerated() {
            for (index, household) in population.households.enumerated() {
                let own = run.rulebooks.firstIndex(of: household.municipality) ?? 0
                let before = run.total(year: y, household: index, rulebook: own, after: false)
                let after = run.total(year: y, household: index, rulebook: own, after: true)
                out += "\(household.id),\(household.municipality.rawValue),\(year),\(kroner(before)),\(kroner(after)),\(kroner(after - before))"
                for r in run.rulebooks.indices {
                    out += ",\(kroner(run.total(year: y, household: index, rulebook: r, after: false)))"
                    out += ",\(kroner(run.total(year: y, household: index, rulebook: r, after: true)))"
                }
                out += "\n"
            }
        }
        return out
    }

    /// Øre as kroner with two decimals (`-1234.50`).
    static func kroner(_ money: Money) -> String {
        let sign = money.ore < 0 ? "-" : ""
        let ore = money.ore.magnitude
        let cents = ore % 100
        return "\(sign)\(ore / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
