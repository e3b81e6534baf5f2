import HarmoniModel
import HarmoniReport

extension HouseholdCost {
    /// The stable column keys of a household table of `municipalities`, in order.
    public static func columnKeys(_ municipalities: [MunicipalityID]) -> [String] { ["line"] + municipalities.map(\.rawValue) }

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
            title: (nb ? "Typehusholdning " : "Typical household ") + household.displayName(english: !nb) + " – "
                + (nb ? "årlig kostnad \(year) inkl. mva" : "annual cost \(year) incl. VAT"),
            columns: columns)
        table.seriesKeys = costs.map(\.municipality.rawValue)
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
            let incomplete = nb ? "Summen er uten linjer som mangler i datagrunnlaget." : "The total leaves out lines missing from the record."
            let marks = cost.isComplete ? [] : [table.footnote(incomplete)]
            sum.append(.money(cost.total, status: cost.status, footnotes: marks))
            for line in cost.lines { for id in line.sources { if let source = dataset.source(id) { table.cite(source) } } }
        }
        table.rows.append(sum)
        table.notes = notes(costs, household, dataset, language)
        return table
    }

    static func cell(
        _ line: HouseholdCostLine?, _ cost: HouseholdCost, _ dataset: Dataset, _ language: DisplayLanguageTag, _ table: inout Table
    ) -> Cell {
        guard let line else { return .text("–") }
        switch line.state {
        case .notOffered: return .text("–")
        case .missing(let note):
            let name = DisplayNames.service(line.service, in: dataset, nb: language == .nb)
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

    static func notes(_ costs: [HouseholdCost], _ household: Household, _ dataset: Dataset, _ language: DisplayLanguageTag)
        -> [String]
    {
        let nb = language == .nb
        let profile = HouseholdProfile(household)
        let services = Set(costs.flatMap { $0.lines.map(\.service) })
        var notes = [(nb ? "Husholdning: " : "Household: ") + (household.definition(english: !nb) ?? profile.definition) + "."]
        if let income = profile.income { notes.append(incomeNote(income, costs.first?.year ?? 0, dataset, language)) }
        notes.append(Notes.months.text(language))
        if services.contains("barnehage") {
            notes.append(Notes.barnehage.text(language))
        }
        if services.contains("sfo") {
            notes.append(Notes.sfo.text(language))
        }
        if services.contains("praktisk_bistand") {
            notes.append(Notes.praktiskBistand.text(language))
        }
        if services.contains("vann") || services.contains("renovasjon") {
            notes.append(Notes.dwelling.text(language))
        }
        if !profile.unpriced.isEmpty {
            let lead = nb ? "Ikke priset (ingen gebyrlinje bruker dem): " : "Not priced (no fee line uses them): "
            notes.append(lead + profile.unpriced.map { attributeName($0, nb: nb) }.joined(separator: ", ") + ".")
        }
        if costs.contains(where: { $0.lines.contains { $0.state == .notOffered } }) {
            notes.append(nb ? "–: kommunen har ingen slik linje i datasettet." : "–: the municipality has no such line in the dataset.")
        }
        notes.append(
            nb ? "≈: anslag; fotnotene sier hvordan og hvilke regler som er brukt." : "≈: estimate; the footnotes say how and which rules applied.")
        return notes
    }

    /// What a household attribute is, for a note users read (never the dataset's attribute id).
    static func attributeName(_ attribute: String, nb: Bool) -> String {
        let names: [String: (nb: String, en: String)] = [
            "bra": ("boligareal (BRA)", "floor area (BRA)"),
            "bruksenheter": ("antall boenheter", "number of dwelling units"),
            "mva": ("mva-sats", "VAT rate"),
            "water_m3": ("vannforbruk", "water use"),
            "chimneys": ("antall piper", "number of chimneys"),
            "trygghetsalarm": ("trygghetsalarm", "safety alarm"),
            "months": ("antall måneder", "number of months"),
        ]
        if let name = names[attribute] { return nb ? name.nb : name.en }
        return String(attribute.map { $0 == "_" ? " " : $0 })
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
