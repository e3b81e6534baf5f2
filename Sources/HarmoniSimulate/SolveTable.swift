import HarmoniModel
import HarmoniReport

/// Goal-seek results as a table (kind `solve`): the level found per group, the goal, the revenue
/// at the level and the residual, with the revenue one step either side.
public enum SolveTable {
    /// The results of a `solve` as a table.
    public static func table(_ results: [GoalSeekResult], dataset: Dataset, language: DisplayLanguageTag = .nb) -> Table
    {
        let en = language == .en
        var table = Table(
            kind: "solve", title: en ? "Budget-neutral level" : "Budsjettnøytralt nivå",
            columns: [
                Column("target", en ? "Target" : "Gjelder"), Column("line", en ? "Main line" : "Hovedlinje"),
                Column("year", en ? "Year" : "År"), Column("level", en ? "Level" : "Nivå", .right),
                Column("goal", en ? "Goal" : "Mål", .right), Column("revenue", en ? "Revenue" : "Inntekt", .right),
                Column("residual", en ? "Residual" : "Restavvik", .right),
                Column("step", en ? "Rounding step" : "Avrundingssteg", .right),
                Column("revenue_below", en ? "Revenue one step below" : "Inntekt ett steg under", .right),
                Column("revenue_above", en ? "Revenue one step above" : "Inntekt ett steg over", .right),
            ])
        for result in results {
            table.rows.append([
                .text(result.isGroup ? result.group + ".*" : result.main.description), .text(result.main.description),
                .text(String(result.year)),
                .text(
                    NorwegianFormat.money(result.level, unit: result.period.unit.symbol)
                        + (result.vat == .incl
                            ? (en ? " incl. mva" : " inkl. mva")
                            : result.vat == .excl ? (en ? " excl. mva" : " ekskl. mva") : "")),
                .money(result.goal), .money(result.revenue), .money(result.residual), .money(result.step),
                .money(result.revenueBelow), .money(result.revenueAbove),
            ])
            if !result.linesWithoutVolume.isEmpty {
                table.notes.append(
                    (en
                        ? "Without volume (not in the goal or the revenue): "
                        : "Uten volum (ikke med i mål eller inntekt): ")
                        + result.linesWithoutVolume.joined(separator: ", "))
            }
        }
        table.notes.append(
            en
                ? "Level in fixed kroner of the period's first year, on the grid of the rounding step; revenue excl. mva. The goal is the baseline's revenue from the same lines in the year (with the scenario's volumes) unless an amount was given. The other lines of a group follow the main line's factor."
                : "Nivå i faste kroner for periodens første år, på rutenettet til avrundingssteget; inntekt ekskl. mva. Målet er grunnlagets inntekt fra de samme linjene i året (med scenarioets volumer) om ikke et beløp er gitt. Gruppens andre linjer følger hovedlinjens faktor."
        )
        return table
    }
}
