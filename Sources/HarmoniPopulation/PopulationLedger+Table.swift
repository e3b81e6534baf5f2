import HarmoniModel
import HarmoniReport
import HarmoniSimulate

extension PopulationLedger {
    /// The income-tested rules' revenue effect as a table (kind `population`): per year, service and
    /// old municipality the effect before and after the decisions and the change, marked with the
    /// population's status (≈ for a synthetic one), then the year's sum.
    public static func table(
        _ lines: [LedgerLine], ledger: Ledger, dataset: Dataset, names: [MunicipalityID: String], notes: [String],
        language: DisplayLanguageTag
    ) -> Table {
        let en = language == .en
        var table = Table(
            kind: "population",
            title: en ? "Income-tested rules computed on the population (kr a year)" : "Inntektsprøvde regler regnet på befolkningen (kr i året)",
            columns: [
                Column("year", en ? "Year" : "År"), Column("service", en ? "Service" : "Tjeneste"),
                Column("municipality", en ? "Old municipality" : "Gammel kommune"), Column("users", en ? "Users" : "Brukere", .right),
                Column("before", en ? "Effect before" : "Virkning før", .right), Column("after", en ? "Effect after" : "Virkning etter", .right),
                Column("change", en ? "Revenue change" : "Endring inntekt", .right), Column("decision", en ? "Decision" : "Vedtak"),
            ], notes: notes)
        for year in Array(Set(lines.map(\.year))).sorted() {
            var sum = Money.zero
            var status = Status.published
            for line in lines where line.year == year {
                let change = line.change ?? .zero
                sum += change
                status = max(status, line.status)
                table.rows.append([
                    .text(String(year)), .text(DisplayNames.service(ServiceID(line.group), in: dataset, nb: !en)),
                    .text(names[line.municipality] ?? line.municipality.rawValue), line.users.map { .number($0) } ?? .empty,
                    line.before.map { .money($0, status: line.status) } ?? .missing(),
                    line.after.map { .money($0, status: line.status) } ?? .missing(), .money(change, status: line.status),
                    .text(ledger.label(line.decision, dataset: dataset, en: en)),
                ])
            }
            table.rows.append([
                .text(String(year)), .text(en ? "Total" : "Sum"), .empty, .empty, .empty, .empty, .money(sum, status: status), .empty,
            ])
        }
        return table
    }
}
