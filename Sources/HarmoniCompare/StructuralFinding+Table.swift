import HarmoniModel
import HarmoniReport

extension StructuralFinding {
    /// The kind in words: `kategori mangler`, `betalte måneder`, `regel`, `tariffmodell`,
    /// `gyldighet`, `mangler`.
    public func kindLabel(_ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch self {
        case .categoryLacking: return nb ? "linje mangler" : "line lacking"
        case .billedMonths: return nb ? "betalte måneder" : "billed months"
        case .rule: return nb ? "regel" : "rule"
        case .tariffShape: return nb ? "tariffmodell" : "tariff model"
        case .validity: return nb ? "gyldighet" : "validity"
        case .missing: return nb ? "mangler" : "missing"
        }
    }

    /// The stable column keys of a findings table, in order.
    public static let columnKeys = ["service", "kind", "status", "finding"]

    /// Findings as a table with the columns ``columnKeys``: one row per finding, in the given order.
    /// The status column names the weakest status behind the finding (`≈ anslag` for estimates).
    public static func table(
        _ findings: [StructuralFinding], scope: ComparisonScope, year: Int, _ dataset: Dataset,
        language: DisplayLanguageTag = .nb
    ) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "findings",
            title: (nb ? "Strukturelle forskjeller: " : "Structural differences: ") + dataset.name(of: scope, nb: nb) + " (\(year))",
            columns: [
                Column("service", nb ? "Tjeneste" : "Service"), Column("kind", nb ? "Type" : "Kind"),
                Column("status", "Status"), Column("finding", nb ? "Forskjell" : "Difference"),
            ])
        for finding in findings {
            table.rows.append([
                .text(DisplayNames.service(finding.service, in: dataset, nb: nb)), .text(finding.kindLabel(language)),
                .text(finding.statusText(language)), .text(finding.text(dataset, language: language)),
            ])
        }
        if findings.isEmpty {
            table.notes.append(nb ? "Ingen strukturelle forskjeller funnet." : "No structural differences found.")
        }
        table.notes.append(
            (nb ? "Regler leses slik de gjelder 31.12.\(year); " : "Rules are read as valid on 31.12.\(year); ")
                + Notes.rulesAsOfYearEnd.text(language))
        return table
    }

    /// The status column: the weakest status in words, or `mangler` for a missing value.
    public func statusText(_ language: DisplayLanguageTag) -> String {
        if case .missing = self { return language == .nb ? "mangler" : "missing" }
        return StructuralFinding.statusLabel(status, language)
    }

    /// A status in words: `publisert`, `avledet`, `framskrevet`, `≈ anslag`, `eget tall`.
    public static func statusLabel(_ status: Status, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch status {
        case .published: return nb ? "publisert" : "published"
        case .derived: return nb ? "avledet" : "derived"
        case .carriedForward: return nb ? "framskrevet" : "carried forward"
        case .estimated: return nb ? "≈ anslag" : "≈ estimate"
        case .own: return nb ? "eget tall" : "own figure"
        }
    }
}
