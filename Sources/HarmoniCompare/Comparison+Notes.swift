import HarmoniModel
import HarmoniReport

extension Comparison {
    /// The notes under a comparison table: the basis, every usage applied, how per-use rows and
    /// missing lines are shown, and how the statistics are computed. Only what the table uses.
    func notes(_ language: DisplayLanguageTag, dataset: Dataset) -> [String] {
        let nb = language == .nb
        var notes: [String] = []
        switch basis {
        case .perYear, .perMonth:
            notes.append(Notes.perYear.text(language))
            if basis == .perMonth {
                notes.append(Notes.perMonth.text(language))
            }
        case .asPublished:
            notes.append(
                nb ? "Som publisert: prisen som gjaldt 31.12.\(year) (ellers årets siste), i kildens enhet og mva-form."
                    : "As published: the price in force on 31.12.\(year) (else the year's last), in the source's unit and VAT form.")
        }
        notes += usageNotes(language, dataset)
        let units = Set(rows.flatMap { $0.values.compactMap { $0.value.amount?.unit } })
        if units.contains(.perUse(.day)) || units.contains(.perUse(.dogn)) {
            notes.append(Notes.perDay.text(language))
        }
        if units.contains(.perUse(.once)) {
            notes.append(nb ? "kr (engang): engangsgebyr, vist per sak." : "kr (one-off): a one-off fee, shown per case.")
        }
        if rows.contains(where: { $0.values.contains { $0.value == .notOffered } }) {
            notes.append(nb ? "–: kommunen har ingen slik linje i datasettet." : "–: the municipality has no such line in the dataset.")
        }
        if rows.contains(where: { $0.values.contains { $0.value.amount?.status == .estimated } }) {
            notes.append(nb ? "≈: anslag; fotnoten sier hvordan." : "≈: estimate; the footnote says how.")
        }
        if rows.contains(where: { $0.statistics != nil }) {
            notes.append(Notes.statistics.text(language))
        }
        return notes
    }

    private func usageNotes(_ language: DisplayLanguageTag, _ dataset: Dataset) -> [String] {
        let nb = language == .nb
        var seen: [AppliedUsage] = []
        var notes: [String] = []
        for row in rows {
            for entry in row.values {
                guard let applied = entry.value.amount?.usage, !seen.contains(applied) else { continue }
                seen.append(applied)
                let amount = NorwegianFormat.decimal(applied.value.amount, grouping: true)
                let origin = applied.value.origin(nb: nb, in: dataset)
                switch applied.period {
                case .cubicMetre:
                    notes.append((nb ? "Per m3: \(amount) m3/år" : "Per m3: \(amount) m3/year") + " (\(origin)).")
                case .squareMetre:
                    notes.append("Per m2: \(amount) m2 (\(origin)).")
                case .litreOfBinPerYear:
                    let line = row.line?.rawValue ?? ""
                    notes.append(
                        nb ? "Per liter beholder: \(amount) l for \(line) (minste beholder i linjens størrelsesintervall; \(origin))."
                            : "Per litre of bin: \(amount) l for \(line) (the smallest bin of the line's size range; \(origin)).")
                case .hour:
                    notes.append(
                        nb ? "Per time: \(amount) timer/mnd × 12 måneder (\(origin)); listepris uten inntektsregler – se «vis husholdning»."
                            : "Per hour: \(amount) hours/month × 12 months (\(origin)); list price without income rules – see «show household».")
                default:
                    let per = "Per \(applied.period.rawValue): \(amount)"
                    notes.append(per + (nb ? " per år" : " a year") + " (\(origin)).")
                }
            }
        }
        return notes
    }
}
