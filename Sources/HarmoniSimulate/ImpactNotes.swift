import HarmoniModel
import HarmoniReport

/// The notes under an impact table: choices, warnings and what could not be computed.
enum ImpactNotes {
    static func notes(_ ledger: Ledger, dataset: Dataset, year: Int?, en: Bool) -> [String] {
        var notes: [String] = []
        for problem in ledger.problems {
            notes.append((en ? "Not simulated: " : "Ikke simulert: ") + (en ? problem.en : problem.nb))
        }
        notes.append(
            ReportNotes.priceBasis(
                ledger.index, basis: ledger.index?.basis ?? .fixed, firstYear: ledger.period.lowerBound, en: en))
        notes += ReportNotes.arithmetic(growth: ledger.growth, baselineYear: ledger.index?.baselineYear ?? dataset.baselineYear, en: en)
        notes.append(
            en
                ? "«harmonise» makes every line equal in the municipalities that have it; with «keep structure» (and for «set» and «solve» of a group) each municipality's lines move by the factor of the group's main line (the first line all three have). Each decision's line starts where the earlier decisions left the price."
                : "«harmoniser» gjør hver linje lik i kommunene som har den; med «behold struktur» (og for «sett» og «løs» av en gruppe) flyttes hver kommunes linjer med faktoren til gruppens hovedlinje (første linje alle tre har). Hvert vedtak regnes fra prisen de tidligere vedtakene etterlot."
        )
        for warning in ledger.selvkostWarnings where year == nil || warning.year == year {
            let name = dataset.service(warning.service)?.name ?? warning.service.rawValue
            notes.append(
                en
                    ? "Warning (selvkost): \(name) \(warning.year): revenue \(NorwegianFormat.money(warning.revenue)) exceeds the combined cost base \(NorwegianFormat.money(warning.costBase)) by \(NorwegianFormat.money(warning.excess)) (cost base = the three municipalities' baseline revenue; the dataset has no selvkost accounts)."
                    : "Advarsel (selvkost): \(name) \(warning.year): inntekten \(NorwegianFormat.money(warning.revenue)) overstiger samlet kostnadsgrunnlag \(NorwegianFormat.money(warning.costBase)) med \(NorwegianFormat.money(warning.excess)) (kostnadsgrunnlag = de tre kommunenes inntekt i grunnlaget; datasettet har ikke selvkostregnskap)."
            )
        }
        var selvkost: [String] = []
        for line in ledger.lines where line.selvkost && (year == nil || line.year == year) {
            let name = dataset.service(ServiceID(line.group))?.name ?? line.group
            if !selvkost.contains(name) { selvkost.append(name) }
        }
        if !selvkost.isEmpty {
            let list = selvkost.joined(separator: ", ")
            notes.append(
                en
                    ? "Bound by selvkost (marked «selvkost»; fees may not exceed cost): \(list)."
                    : "Bundet av selvkost (merket «selvkost»; gebyrene kan ikke overstige kostnaden): \(list).")
        }
        for change in ledger.ruleChanges {
            let name = ImpactReport.name(change.municipality, dataset)
            let before = change.before.isEmpty ? (en ? "none" : "ingen") : change.before.map { DisplayNames.ruleAssignment($0, nb: !en) }.joined(separator: ", ")
            let after = change.after.isEmpty ? (en ? "none" : "ingen") : change.after.map { DisplayNames.ruleAssignment($0, nb: !en) }.joined(separator: ", ")
            let service = dataset.service(change.service)?.name ?? Links.displayName(ofScheme: change.service.rawValue)
            let rule = service + ", " + DisplayNames.rule(change.rule, nb: !en)
            notes.append(
                en
                    ? "\(rule) in \(name) from \(change.fromYear) (\(ledger.label(change.decision, dataset: dataset, en: en))): \(before) → \(after); the income effect is unknown (no income distribution in the dataset)."
                    : "\(rule) i \(name) fra \(change.fromYear) (\(ledger.label(change.decision, dataset: dataset, en: en))): \(before) → \(after); inntektsvirkningen er ukjent (datasettet har ingen inntektsfordeling)."
            )
        }
        for index in ledger.ineffective {
            notes.append((en ? "No change: " : "Ingen endring: ") + ledger.label(index, dataset: dataset, en: en))
        }
        for note in ledger.notes { notes.append(note.text(english: en)) }
        return notes
    }
}
