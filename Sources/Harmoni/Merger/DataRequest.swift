import HarmoniModel
import HarmoniReport
import HarmoniSimulate
import HarmoniUncertainty

/// The data request: per old municipality, every estimated and every missing figure the model
/// uses — fees, rules, volumes and the netto budgets per tjenesteområde — with empty columns for
/// the real value, its source and a comment, for the municipality's finance staff to fill in.
///
/// One table per municipality (one sheet or CSV section each), all cells text, in a fixed column
/// order; `baseline import` finds columns by key. An estimate carries its range (`lav`, `høy`,
/// from the dataset's range rules) and, with a scenario, its sensitivity rank (`rang`: the order
/// `show sensitivity` gives, by how much the range moves the scenario's revenue change) and that
/// swing (`utslag`, the largest over the period's years).
public struct DataRequest: Sendable {
    /// One figure asked for.
    public struct Row: Sendable, Hashable {
        public var municipality: MunicipalityID
        public var kind: MissingFigure.Kind
        /// The id after the municipality.
        public var path: [String]
        public var description: String
        /// The current estimate as text (`2 568`), or `nil` when missing.
        public var estimate: String?
        public var unit: String
        public var period: String
        public var method: String
        public var billedMonths: Int?
        /// Where the estimate sits in the dataset (nil for a missing figure).
        public var ref: InputRef?
        /// The estimate's range in the row's unit, when its range rule gives one.
        public var low: String?
        public var high: String?
        /// 1 for the estimate that moves the scenario's revenue most; nil when it does not move it.
        public var rank: Int?
        /// The largest swing of the result per year over the estimate's range.
        public var swing: Money?

        /// `kristiansand.sfo.plass_5d`.
        public var id: String { ([municipality.rawValue] + path).joined(separator: ".") }
    }

    public var rows: [Row]

    /// The stable column keys, in order.
    public static let columnKeys = [
        "kommune", "type", "id", "beskrivelse", "anslag", "lav", "hoy", "enhet", "periode", "metode", "rang", "utslag", "betalte_mnd",
        "reelt_tall", "kilde", "kommentar",
    ]

    /// The column headings a sheet shows (CSV and xlsx headers are headings, not keys).
    static let headingsNB = [
        "Kommune", "Type", "Id", "Beskrivelse", "Anslag nå", "Lav", "Høy", "Enhet", "Periode", "Metode", "Rang", "Utslag kr/år",
        "Betalte mnd", "Reelt tall", "Kilde", "Kommentar",
    ]
    static let headingsEN = [
        "Municipality", "Type", "Id", "Description", "Current estimate", "Low", "High", "Unit", "Period", "Method", "Rank",
        "Swing kr/year", "Billed months", "Real value", "Source", "Comment",
    ]

    /// The column key a header cell names: a key itself, or a Norwegian or English heading.
    public static func columnKey(_ header: String) -> String {
        if let i = headingsNB.firstIndex(of: header) ?? headingsEN.firstIndex(of: header) { return columnKeys[i] }
        return header
    }

    /// The type word of a kind, as the sheet writes it.
    public static func typeWord(_ kind: MissingFigure.Kind) -> String {
        switch kind {
        case .fee: return "gebyr"
        case .rule: return "regel"
        case .volume: return "volum"
        case .budget: return "budsjett"
        }
    }

    /// The kind a type word names (Norwegian or English).
    public static func kind(_ word: String) -> MissingFigure.Kind? {
        switch word.lowercased() {
        case "gebyr", "fee": return .fee
        case "regel", "rule": return .rule
        case "volum", "volume": return .volume
        case "budsjett", "budget": return .budget
        default: return nil
        }
    }

    /// The request for `dataset`'s baseline `year`; with a `scenario`, its estimates are ranked by
    /// ``Sensitivity`` on that scenario's total revenue change.
    public init(_ dataset: Dataset, year: Int, scenario: ScenarioState? = nil) {
        var rows: [Row] = []
        for m in dataset.mergingMunicipalities { rows += Self.rows(dataset, m, year) }
        let inputs = UncertainInputs.make(dataset)
        var byRef: [InputRef: UncertainInput] = [:]
        for input in inputs { byRef[input.ref] = input }
        var ranks: [InputRef: (Int, Money)] = [:]
        if let scenario, rows.contains(where: { $0.ref.map { byRef[$0] != nil } ?? false }) {
            let ranked = Sensitivity.rank(dataset: dataset, scenario: scenario, inputs: inputs)
            for (i, row) in ranked.rows.enumerated() { ranks[row.input.ref] = (i + 1, row.largestSwing) }
        }
        for i in rows.indices {
            guard let ref = rows[i].ref, let input = byRef[ref] else { continue }
            func text(_ n: DecimalNumber) -> String {
                // Budgets are asked for in 1 000 kr; their inputs are in kroner.
                let shown = rows[i].kind == .budget ? DecimalNumber(significand: n.significand, scale: n.scale + 3) : n
                return NorwegianFormat.decimal(shown.normalized, grouping: true)
            }
            rows[i].low = text(input.low)
            rows[i].high = text(input.high)
            if let (rank, swing) = ranks[ref] {
                rows[i].rank = rank
                rows[i].swing = swing
            }
        }
        self.rows = rows
    }

    static func rows(_ d: Dataset, _ m: MunicipalityID, _ year: Int) -> [Row] {
        var rows: [Row] = []
        func name(_ s: ServiceID) -> String { d.service(s)?.name ?? s.rawValue }
        func words(_ s: String) -> String { s.replacingOccurrences(of: "_", with: " ") }
        var feeSeen: Set<FeeKey> = []
        for fee in d.fees where fee.municipality == m && fee.provenance.validity.touches(year: year) && fee.provenance.status == .estimated {
            guard feeSeen.insert(fee.key).inserted, let last = d.fees(m, fee.key).last(where: { $0.provenance.validity.touches(year: year) }) else { continue }
            let feeRef = d.fees.lastIndex(of: last).map(InputRef.fee)
            let unit = last.period.unit.symbol
            rows.append(
                Row(
                    municipality: m, kind: .fee, path: [fee.key.service.rawValue, fee.key.line.rawValue],
                    description: "Pris i \(year) for \(name(fee.key.service)), linje «\(words(fee.key.line.rawValue))», i \(unit) (\(last.vat.rawValue == "none" ? "ingen mva" : last.vat == .incl ? "inkl. mva" : "ekskl. mva")).",
                    estimate: NorwegianFormat.decimal(DecimalNumber(significand: last.amount.ore, scale: 2).normalized, grouping: true), unit: unit,
                    period: last.provenance.validity.description, method: last.provenance.method, billedMonths: last.billedMonths,
                    ref: last.provenance.status == .estimated ? feeRef : nil))
        }
        for (index, rule) in d.rules.enumerated() where rule.municipality == m && rule.provenance.validity.touches(year: year) && rule.provenance.status == .estimated {
            guard let unit = FigureTemplate.ruleUnit(rule.value) else { continue }
            let estimate: String
            switch rule.value {
            case .quantity(let q): estimate = NorwegianFormat.decimal(q.number, grouping: true)
            default: estimate = rule.value.description
            }
            rows.append(
                Row(
                    municipality: m, kind: .rule, path: [rule.service.rawValue, rule.rule, rule.parameter],
                    description: "Regel i \(year) for \(name(rule.service)): «\(words(rule.rule))», «\(words(rule.parameter))» (\(unit)).",
                    estimate: estimate, unit: unit, period: rule.provenance.validity.description, method: rule.provenance.method,
                    ref: .rule(index)))
        }
        for (index, volume) in d.volumes.enumerated() where volume.municipality == m && volume.provenance.status == .estimated {
            let counted = volume.counts.isEmpty ? "antall" : volume.counts
            rows.append(
                Row(
                    municipality: m, kind: .volume, path: [volume.key.service.rawValue, volume.key.line.rawValue],
                    description: "Volum i \(year) for \(name(volume.key.service)), linje «\(words(volume.key.line.rawValue))»: antall \(counted).",
                    estimate: NorwegianFormat.decimal(volume.value, grouping: true), unit: counted,
                    period: volume.provenance.validity.description, method: volume.provenance.method, ref: .volume(index)))
        }
        for (index, budget) in d.budgets.enumerated()
        where budget.municipality == m && budget.measure.hasPrefix("netto") && budget.provenance.status == .estimated {
            rows.append(
                Row(
                    municipality: m, kind: .budget, path: [budget.area.rawValue, budget.line],
                    description: "Netto budsjett \(year) for «\(d.area(budget.area)?.name ?? budget.area.rawValue)», linje «\(words(budget.line))», i 1 000 kr.",
                    estimate: NorwegianFormat.decimal(DecimalNumber(significand: budget.amount.ore, scale: 5).normalized, grouping: true), unit: Unit.thousandKroner.symbol,
                    period: budget.provenance.validity.description, method: budget.provenance.method, ref: .budget(index)))
        }
        let missing = d.missingFigures(m)
        for (value, figure) in missing {
            rows.append(
                Row(
                    municipality: m, kind: figure.kind, path: figure.path, description: value.note, estimate: nil, unit: figure.unit,
                    period: figure.validity.description, method: "", billedMonths: figure.billedMonths))
        }
        // A tjenesteområde without any netto budget (and no missing record of one) is asked for too.
        for area in d.areas {
            let has = d.budgets.contains { $0.municipality == m && $0.area == area.id && $0.measure.hasPrefix("netto") }
            let asked = missing.contains { $0.figure.kind == .budget && $0.figure.path.first == area.id.rawValue }
            guard !has, !asked else { continue }
            rows.append(
                Row(
                    municipality: m, kind: .budget, path: [area.id.rawValue, FigureTemplate.budgetLine],
                    description: "Netto driftsutgifter \(year) for tjenesteområdet «\(area.name)», i 1 000 kr (regnskap eller vedtatt budsjett). Skyggebudsjettet mangler dette tallet.",
                    estimate: nil, unit: Unit.thousandKroner.symbol, period: Validity.year(year).description, method: ""))
        }
        return rows
    }

    /// One table per municipality, all cells text, columns ``columnKeys``.
    public func tables(_ dataset: Dataset, year: Int, language: DisplayLanguageTag = .nb) -> [Table] {
        let nb = language == .nb
        let headings = nb ? Self.headingsNB : Self.headingsEN
        var tables: [Table] = []
        for m in dataset.mergingMunicipalities {
            let municipality = dataset.municipality(m)
            let label = (municipality?.name ?? m.rawValue) + (municipality.map { " (\($0.number))" } ?? "")
            var table = Table(
                kind: "datarequest",
                title: (nb ? "Dataforespørsel: " : "Data request: ") + label + (nb ? " – tall vi trenger for \(year)" : " – figures we need for \(year)"),
                columns: zip(Self.columnKeys, headings).map { Column($0, $1) })
            for row in rows where row.municipality == m {
                table.rows.append(
                    [
                        .text(m.rawValue), .text(Self.typeWord(row.kind)), .text(row.id), .text(row.description),
                        .text(row.estimate ?? (nb ? "mangler" : "missing")), .text(row.low ?? ""), .text(row.high ?? ""), .text(row.unit),
                        .text(row.period), .text(row.method), .text(row.rank.map(String.init) ?? ""),
                        .text(row.swing.map { NorwegianFormat.money($0) } ?? ""), .text(row.billedMonths.map(String.init) ?? ""),
                        .text(""), .text(""), .text(""),
                    ])
            }
            table.notes.append(
                nb
                    ? "Lav og Høy: rammen anslaget trolig ligger innenfor (rammereglene i datasettet). Fyll inn «Reelt tall» (i enheten i kolonnen Enhet) og «Kilde»; les arket inn igjen med grunnlag import \"fil\"."
                    : "Low and High: the range the estimate plausibly lies in (the dataset's range rules). Fill in «Real value» (in the unit of the Unit column) and «Source»; read the sheet back with baseline import \"file\".")
            table.notes.append(
                rows.contains { $0.rank != nil }
                    ? (nb
                        ? "Rang: 1 er anslaget som flytter scenariets inntektsendring mest når det går fra lav til høy (som «show sensitivity»); Utslag er den største endringen i kr i ett år. Spør etter de øverste først."
                        : "Rank: 1 is the estimate that moves the scenario's revenue change most from low to high (as «show sensitivity»); Swing is the largest change in kr in one year. Ask for the top ones first.")
                    : (nb
                        ? "Rang: tom, fordi ingen anslag flytter scenariets inntektsendring (scenariet har ennå ingen vedtak, eller tallene mangler)."
                        : "Rank: empty, because no estimate moves the scenario's revenue change (the scenario has no decisions yet, or the figures are missing)."))
            tables.append(table)
        }
        return tables
    }
}
