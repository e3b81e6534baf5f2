import HarmoniModel
import HarmoniReport

extension HouseholdCost {
    /// The stable column keys of a household table, in order.
    public static let columnKeys = ["line", "asker", "royken", "hurum"]

    /// A household's annual cost in each municipality as a table: one row per line, then the sum.
    ///
    /// Each cell's footnotes say which rules changed the amount and mark estimates; a line the
    /// municipality lacks is `–`, a fee the record lacks is `mangler` and is left out of the sum
    /// (which then says so). The notes state the income and every choice the rules leave open.
    public static func table(
        _ costs: [HouseholdCost], household: Household, _ dataset: Dataset, language: DisplayLanguageTag = .nb
    ) -> Table {
        let nb = language == .nb
        let year = costs.first?.year ?? 0
        var columns = [Column("line", nb ? "Post" : "Item")]
        for cost in costs { columns.append(Column(cost.municipality.rawValue, dataset.displayName(cost.municipality), .right)) }
        var table = Table(
            kind: "household",
            title: (nb ? "Typehusholdning " : "Typical household ") + household.id.rawValue + " – "
                + (nb ? "årlig kostnad \(year) inkl. mva" : "annual cost \(year) incl. VAT"),
            columns: columns)
        var ids: [String] = []
        for cost in costs { for line in cost.lines where !ids.contains(line.id) { ids.append(line.id) } }
        for id in ids {
            let label = costs.lazy.compactMap { $0.lines.first { $0.id == id } }.first.map { nb ? $0.labelNB : $0.labelEN } ?? id
            var row: [Cell] = [.text(label)]
            for cost in costs { row.append(cell(cost.lines.first { $0.id == id }, cost, dataset, language, &table)) }
            table.rows.append(row)
        }
        var sum: [Cell] = [.text(nb ? "Sum" : "Total")]
        for cost in costs {
            let marks = cost.isComplete ? [] : [table.footnote(nb ? "Summen er uten linjer som mangler i datagrunnlaget." : "The total leaves out lines missing from the record.")]
            sum.append(.money(cost.total, status: cost.status, footnotes: marks))
            for line in cost.lines { for id in line.sources { if let source = dataset.source(id) { table.cite(source) } } }
        }
        table.rows.append(sum)
        table.notes = notes(costs, household, dataset, language)
        return table
    }

    private static func cell(
        _ line: HouseholdCostLine?, _ cost: HouseholdCost, _ dataset: Dataset, _ language: DisplayLanguageTag, _ table: inout Table
    ) -> Cell {
        guard let line else { return .text("–") }
        switch line.state {
        case .notOffered: return .text("–")
        case .missing(let note):
            let name = dataset.service(line.service)?.name ?? line.service.rawValue
            return .missing(footnotes: [table.footnote(name + ": " + note)])
        case .priced:
            var marks = line.adjustments.map { table.footnote($0.text(language)) }
            if let text = Comparison.estimateFootnote(
                status: line.status, kinds: line.estimateKinds, lowConfidence: line.lowConfidence, language)
            {
                marks.append(table.footnote(text))
            }
            return .money(line.amount, status: line.status, footnotes: marks.sorted())
        }
    }

    private static func notes(_ costs: [HouseholdCost], _ household: Household, _ dataset: Dataset, _ language: DisplayLanguageTag)
        -> [String]
    {
        let nb = language == .nb
        let profile = HouseholdProfile(household)
        let services = Set(costs.flatMap { $0.lines.map(\.service) })
        var notes = [(nb ? "Husholdning: " : "Household: ") + profile.definition + "."]
        if let income = profile.income { notes.append(incomeNote(income, costs.first?.year ?? 0, dataset, language)) }
        notes.append(
            nb ? "Hver måned prises med prisen og G som gjelder den 1. i måneden (G endres 1. mai); «under» en inntektsgrense betyr strengt mindre enn (<)."
                : "Each month is priced with the price and G in force on the 1st of the month (G changes on 1 May); «below» an income limit means strictly less than (<).")
        if services.contains("barnehage") {
            notes.append(
                nb ? "Barnehage per plass og måned: maksimalpris → friplass → 6 %-tak (6 % av inntekten / 11, avrundet til øre) → gratis kjernetid (× (41 − 20) / 41; en heltidsplass regnes som 41 timer/uke) → søskenmoderasjon etter inntektsreglene (dyreste plass uten rabatt; rabatt bare mellom barnehagebarn). Kost har ingen søskenmoderasjon og dekkes bare av friplass der regelen sier det."
                    : "Barnehage per place and month: maximum price → free place → 6 % cap (6 % of income / 11, rounded to øre) → free core time (× (41 − 20) / 41; a full place counts as 41 hours/week) → sibling discount after the income rules (most expensive place without discount; only between barnehage children). Meals carry no sibling discount and are covered only by a free place where the rule says so.")
        }
        if services.contains("sfo") {
            notes.append(
                nb ? "SFO: friplass, ellers første inntektsbånd inntekten er under; feriedager uten moderasjon."
                    : "SFO: free place, else the first income band the income is below; holiday days without reduction.")
        }
        if services.contains("praktisk_bistand") {
            notes.append(
                nb ? "Praktisk bistand: fritak under kommunens grense i G; ellers betalte timer = min(timer, taket for inntektsbåndet fra ≤ inntekt < til); under 2 G høyst det nasjonale taket."
                    : "Practical assistance: exempt below the municipality's limit in G; else paid hours = min(hours, the cap of the band from ≤ income < to); below 2 G at most the national cap.")
        }
        if services.contains("vann") || services.contains("renovasjon") {
            notes.append(
                nb ? "Vann, avløp og renovasjon inkl. mva: ekskl. mva × 1,25 per linje, avrundet half-up til øre; avløp på samme volum som vann; renovasjon i kategori der kommunen har den, ellers grunnbeløp + liter × pris per liter."
                    : "Water, wastewater and waste incl. VAT: excl. VAT × 1.25 per line, rounded half-up to øre; wastewater on the water volume; waste by category where the municipality has one, else base fee + litres × price per litre.")
        }
        if !profile.unpriced.isEmpty {
            notes.append((nb ? "Ikke priset (ingen gebyrlinje bruker dem): " : "Not priced (no fee line uses them): ") + profile.unpriced.joined(separator: ", ") + ".")
        }
        if costs.contains(where: { $0.lines.contains { $0.state == .notOffered } }) {
            notes.append(nb ? "–: kommunen har ingen slik linje i datasettet." : "–: the municipality has no such line in the dataset.")
        }
        notes.append(nb ? "≈: anslag; fotnotene sier hvordan og hvilke regler som er brukt." : "≈: estimate; the footnotes say how and which rules applied.")
        return notes
    }

    private static func incomeNote(_ income: HouseholdIncome, _ year: Int, _ dataset: Dataset, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch income {
        case .kronerPerYear(let amount):
            return (nb ? "Inntekt: " : "Income: ") + NorwegianFormat.money(amount) + (nb ? " per år." : " a year.")
        case .gMultiple(let multiple):
            let months = nb
                ? ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]
                : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            var runs: [(first: Int, last: Int, amount: Money)] = []
            for month in 1...12 {
                guard let day = CalendarDate(year: year, month: month, day: 1), let kroner = income.kroner(on: day, dataset) else { continue }
                if let last = runs.last, last.amount == kroner, last.last == month - 1 {
                    runs[runs.count - 1].last = month
                } else {
                    runs.append((month, month, kroner))
                }
            }
            let parts = runs.map { run in
                NorwegianFormat.money(run.amount) + " " + months[run.first - 1] + (run.first == run.last ? "" : "–" + months[run.last - 1])
            }
            return (nb ? "Inntekt: " : "Income: ") + NorwegianFormat.gMultiple(multiple) + " × G = " + parts.joined(separator: ", ")
                + (nb ? " (årsinntekt)." : " (annual income).")
        }
    }
}
