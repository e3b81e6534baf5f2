import HarmoniLanguage
import HarmoniModel

/// Pass 2 of ``DatasetLoader``: one builder per value block kind.
extension DatasetLoader {
    private static let provenance = BlockReader.provenanceFields
    // The field lists of each block kind, built once (not per block).
    private static let feeFields = ["value", "billed_months", "vat"] + provenance
    private static let vatForms = VATForm.allCases.map(\.rawValue)
    private static let valueFields = ["value"] + provenance
    private static let parameterFields = ["value", "kind", "vintage", "use_in_model"] + provenance
    private static let incomeFields = ["value", "kommunenummer", "kommune"] + provenance
    private static let populationGroups = disjointAgeGroups + summaryAgeGroups
    private static let populationFields = ["date", "total"] + populationGroups + provenance
    private static let populationRequired = ["date", "total", "status"] + disjointAgeGroups
    private static let coverageFields = ["value", "numerator", "denominator"] + provenance
    private static let budgetFields = ["value", "measure"] + provenance

    mutating func buildFee(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«fee kommune.tjeneste.linje»", file) else { return }
        var reader = BlockReader(
            block, file: file, fields: Self.feeFields, required: ["value", "vat", "status", "valid"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let service = self.service(parts[1], file)
        let money = reader.moneyAllowingFractions("value", fractionalPeriods: [.cubicMetre, .litreOfBinPerYear, .squareMetre])
        let billed = reader.has("billed_months") ? reader.wholeNumber("billed_months", in: 1...12) : nil
        let vat = reader.symbol("vat", allowed: Self.vatForms).flatMap(VATForm.init(rawValue:))
        let provenance = reader.provenance(sources: sourceIDs)
        if let provenance, let year = baselineYear, !provenance.validity.touches(year: year) {
            reader.report(.outsideBaseline(provenance.validity.description, year), reader.range("valid"))
        }
        diagnostics += reader.diagnostics
        guard let muni, let service, let money, let vat, let provenance else { return }
        if reader.has("billed_months"), billed == nil { return }
        remember("fee \(block.id.text)", provenance.validity, file, block.id.range)
        dataset.fees.append(
            Fee(
                municipality: muni, key: FeeKey(service, LineID(parts[2].name)), amount: money.0, period: money.1,
                billedMonths: billed.map(Int.init), vat: vat, provenance: provenance, fractionalAmount: money.2))
    }

    mutating func buildRule(_ block: Block, _ file: String) {
        guard idHasParts(block, 4, "«rule kommune.tjeneste.regel.parameter»", file) else { return }
        var reader = BlockReader(block, file: file, fields: Self.valueFields, required: ["value", "status"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        // Rules may name a service or `alle` (principles for every service).
        let service: ServiceID? = parts[1].name == "alle" ? ServiceID("alle") : self.service(parts[1], file)
        let value = reader.value("value")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let service, let value, let provenance else { return }
        remember("rule \(block.id.text)", provenance.validity, file, block.id.range)
        dataset.rules.append(
            Rule(municipality: muni, service: service, rule: parts[2].name, parameter: parts[3].name, value: value,
                provenance: provenance))
    }

    mutating func buildParameter(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«parameter nasjonal.parameter.linje»", file) else { return }
        var reader = BlockReader(
            block, file: file, fields: Self.parameterFields, required: ["value", "status", "use_in_model"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let value = reader.value("value")
        let kind = reader.has("kind") ? reader.text("kind") : ""
        let vintage = reader.has("vintage") ? reader.text("vintage") : ""
        let use = reader.flag("use_in_model")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard muni != nil, let value, let kind, let vintage, let use, let provenance else { return }
        if use { remember("parameter \(block.id.text)", provenance.validity, file, block.id.range) }
        dataset.parameters.append(
            Parameter(parameter: parts[1].name, line: parts[2].name, value: value, kind: kind, vintage: vintage,
                useInModel: use, provenance: provenance))
    }

    /// An income calibration point `income område.mål`: the region is a name (it may lie outside
    /// the merger, e.g. Bærum), with its kommunenummer and display name as text.
    mutating func buildIncome(_ block: Block, _ file: String) {
        guard idHasParts(block, 2, "«income område.mål»", file) else { return }
        var reader = BlockReader(
            block, file: file, fields: Self.incomeFields, required: ["value", "kommunenummer", "kommune", "status"])
        let parts = block.id.parts
        let value = reader.value("value")
        let number = reader.text("kommunenummer")
        let name = reader.text("kommune")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let value, let number, let name, let provenance else { return }
        dataset.incomePoints.append(
            IncomePoint(region: parts[0].name, municipalityNumber: number, municipalityName: name, measure: parts[1].name,
                value: value, provenance: provenance))
    }

    /// The eight disjoint age groups of population.tsv, which sum to the total.
    static let disjointAgeGroups = [
        "age_0", "age_1_5", "age_6_9", "age_10_15", "age_16_19", "age_20_66", "age_67_79", "age_80_plus",
    ]
    /// Overlapping summary groups also given.
    static let summaryAgeGroups = [
        "age_1_2", "age_3_5", "age_6_15", "age_0_19", "age_67_plus", "age_75_plus", "age_90_plus",
    ]

    mutating func buildPopulation(_ block: Block, _ file: String) {
        guard idHasParts(block, 1, "«population kommune»", file) else { return }
        let groups = Self.populationGroups
        var reader = BlockReader(block, file: file, fields: Self.populationFields, required: Self.populationRequired)
        let muni = municipality(block.id.parts[0], file)
        let date = reader.date("date")
        let total = reader.wholeNumber("total", in: 0...100_000_000)
        var counts: [AgeGroupCount] = []
        for group in groups where reader.has(group) {
            if let persons = reader.wholeNumber(group, in: 0...100_000_000) {
                counts.append(AgeGroupCount(group: group, persons: persons))
            }
        }
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let date, let total, let provenance else { return }
        let disjoint = counts.filter { Self.disjointAgeGroups.contains($0.group) }
        if disjoint.count == Self.disjointAgeGroups.count {
            let sum = disjoint.reduce(0) { $0 + $1.persons }
            if sum != total {
                report(.populationSum(sum, total), file, reader.range("total"))
            }
        }
        dataset.populations.append(
            Population(municipality: muni, date: date, groups: counts, total: total, provenance: provenance))
    }

    mutating func buildVolume(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«volume kommune.tjeneste.linje»", file) else { return }
        var reader = BlockReader(block, file: file, fields: Self.valueFields, required: ["value", "status"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let service = self.service(parts[1], file)
        let quantity = reader.quantity("value")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let service, let quantity, let provenance else { return }
        guard quantity.number <= Volume.limit, quantity.number >= DecimalNumber(-Volume.limit.significand) else {
            report(.volumeTooLarge(NorwegianFormat.decimal(quantity.number, grouping: true)), file, reader.range("value"))
            return
        }
        volumeRanges[Self.lineKey(muni, FeeKey(service, LineID(parts[2].name)))] = (file, reader.range("value"))
        let counts = provenance.printedUnit ?? quantity.unit?.symbol ?? ""
        dataset.volumes.append(
            Volume(municipality: muni, key: FeeKey(service, LineID(parts[2].name)), value: quantity.number,
                counts: counts, provenance: provenance))
    }

    mutating func buildCoverage(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«coverage kommune.tjeneste.indikator»", file) else { return }
        var reader = BlockReader(
            block, file: file, fields: Self.coverageFields, required: ["value", "status"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let service = self.service(parts[1], file)
        let value = reader.quantity("value", units: [.percent, nil])
        let numerator = reader.has("numerator") ? reader.decimal("numerator") : nil
        let denominator = reader.has("denominator") ? reader.decimal("denominator") : nil
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let service, let value, let provenance else { return }
        dataset.coverages.append(
            Coverage(municipality: muni, service: service, indicator: parts[2].name, value: value,
                numerator: numerator, denominator: denominator, provenance: provenance))
    }

    mutating func buildBudget(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«budget kommune.område.linje»", file) else { return }
        var reader = BlockReader(
            block, file: file, fields: Self.budgetFields, required: ["value", "measure", "status"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let area = self.area(parts[1], file)
        let money = reader.moneyAllowingFractions("value", fractionalPeriods: [.cubicMetre, .litreOfBinPerYear, .squareMetre])
        let measure = reader.symbol("measure")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let area, let money, let measure, let provenance else { return }
        dataset.budgets.append(
            Budget(municipality: muni, area: area, line: parts[2].name, measure: measure, amount: money.0,
                provenance: provenance))
    }

    mutating func buildSubsidy(_ block: Block, _ file: String) {
        guard idHasParts(block, 3, "«subsidy kommune.ordning.linje»", file) else { return }
        var reader = BlockReader(block, file: file, fields: Self.valueFields, required: ["value", "status"])
        let parts = block.id.parts
        let muni = municipality(parts[0], file)
        let value = reader.quantity("value")
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let muni, let value, let provenance else { return }
        dataset.subsidies.append(
            Subsidy(municipality: muni, scheme: parts[1].name, line: parts[2].name, value: value, provenance: provenance))
    }

    private static let missingFields = ["note", "kind", "unit", "vat", "billed_months", "measure", "valid"]
    private static let missingKinds = MissingFigure.Kind.allCases.map(\.rawValue)

    /// `missing kommune.tjeneste { note }` (a whole service) or one figure:
    /// `missing kommune.tjeneste.linje { kind = fee|volume … }`, `missing kommune.tjeneste.regel.parameter
    /// { kind = rule … }`, `missing kommune.område.linje { kind = budget measure = … }`.
    mutating func buildMissing(_ block: Block, _ file: String) {
        let parts = block.id.parts
        guard (2...4).contains(parts.count), !block.id.wildcard else {
            report(.idShape("missing", "«missing kommune.tjeneste» eller «missing kommune.tjeneste.linje»"), file, block.id.range)
            return
        }
        let figureFields = parts.count > 2
        var reader = BlockReader(
            block, file: file, fields: figureFields ? Self.missingFields : ["note"],
            required: figureFields ? ["note", "kind", "unit", "valid"] : ["note"])
        let muni = municipality(parts[0], file)
        let note = reader.text("note")
        guard figureFields else {
            let service = self.service(parts[1], file)
            diagnostics += reader.diagnostics
            guard let muni, let service, let note else { return }
            dataset.missing.append(MissingValue(municipality: muni, service: service, note: note))
            return
        }
        let kind = reader.symbol("kind", allowed: Self.missingKinds).flatMap(MissingFigure.Kind.init(rawValue:))
        let unit = reader.text("unit")
        let vat = reader.has("vat") ? reader.symbol("vat", allowed: Self.vatForms).flatMap(VATForm.init(rawValue:)) : nil
        let billed = reader.has("billed_months") ? reader.wholeNumber("billed_months", in: 1...12) : nil
        let measure = reader.has("measure") ? reader.symbol("measure") : nil
        let validity = reader.validity("valid")
        diagnostics += reader.diagnostics
        guard let kind else { return }
        let expectedParts = kind == .rule ? 4 : 3
        guard parts.count == expectedParts else {
            report(.idShape("missing", kind == .rule ? "«missing kommune.tjeneste.regel.parameter»" : "«missing kommune.tjeneste.linje»"), file, block.id.range)
            return
        }
        let group: String?
        if kind == .budget { group = self.area(parts[1], file)?.rawValue } else { group = self.service(parts[1], file)?.rawValue }
        guard let muni, let group, let note, let unit, let validity else { return }
        let figure = MissingFigure(
            kind: kind, path: parts.dropFirst().map(\.name), unit: unit, vat: vat, billedMonths: billed.map(Int.init),
            measure: measure, validity: validity)
        dataset.missing.append(MissingValue(municipality: muni, service: ServiceID(group), note: note, figure: figure))
    }

    /// `merger ny.gammel { share = 1 … }`: a row of the reform table; the share is a plain
    /// number in 0…1 (1 when the old municipality went whole into the new one).
    mutating func buildMerger(_ block: Block, _ file: String) {
        guard idHasParts(block, 2, "«merger ny_kommune.gammel_kommune»", file) else { return }
        var reader = BlockReader(block, file: file, fields: ["share"] + Self.provenance, required: ["share", "status"])
        let into = municipality(block.id.parts[0], file)
        let from = municipality(block.id.parts[1], file)
        let share = reader.decimal("share")
        if let share, share <= DecimalNumber(0) || share > DecimalNumber(1) {
            reader.report(.expected("en andel over 0 og høyst 1", "a share above 0 and at most 1", found: reader.shown("share")), reader.range("share"))
        }
        let provenance = reader.provenance(sources: sourceIDs)
        diagnostics += reader.diagnostics
        guard let into, let from, let share, let provenance else { return }
        if dataset.mergers.contains(where: { $0.into == into && $0.from == from }) {
            report(.duplicateDefinition("merger", block.id.text), file, block.id.range)
            return
        }
        dataset.mergers.append(MergerPart(into: into, from: from, share: share, provenance: provenance))
    }

    mutating func buildHousehold(_ block: Block, _ file: String) {
        // A wrongly shaped or repeated id is reported in pass 1.
        guard block.id.parts.count == 1, !block.id.wildcard, households.insert(block.id.text).inserted else { return }
        var reader = BlockReader(block, file: file, fields: block.attributes.map(\.name.name), required: ["definition"])
        var attributes: [HouseholdAttribute] = []
        for attribute in block.attributes {
            guard let value = reader.value(attribute.name.name) else { continue }
            let comments = attribute.trivia.leadingComments.filter { $0 != Trivia.blankLine }
            let note = comments.isEmpty ? nil : comments.joined(separator: " ")
            attributes.append(HouseholdAttribute(name: attribute.name.name, value: value, note: note))
        }
        diagnostics += reader.diagnostics
        dataset.households.append(Household(id: HouseholdID(block.id.text), attributes: attributes))
    }

    /// `line sfo.plass_5d { name = "…" name_en = "…" }`: the display name of a fee line; a line
    /// named twice is reported at the second.
    mutating func buildLineName(_ block: Block, _ file: String) {
        guard idHasParts(block, 2, "«line tjeneste.linje»", file) else { return }
        var reader = BlockReader(block, file: file, fields: ["name", "name_en"], required: ["name"])
        let service = self.service(block.id.parts[0], file)
        let name = reader.text("name")
        let english = reader.has("name_en") ? reader.text("name_en") : nil
        diagnostics += reader.diagnostics
        guard let service, let name else { return }
        let key = FeeKey(service, LineID(block.id.parts[1].name))
        guard dataset.lineName(key) == nil else {
            report(.duplicateDefinition("line", block.id.text), file, block.id.range)
            return
        }
        dataset.lineNames.append(LineName(key: key, name: name, nameEN: english))
    }

    /// `asker.sfo.plass_5d`: the key of ``volumeRanges``.
    static func lineKey(_ municipality: MunicipalityID, _ key: FeeKey) -> String {
        "\(municipality.rawValue).\(key.service.rawValue).\(key.line.rawValue)"
    }

    /// A fee with its volume must give at most a tenth of ``Money/limit`` a year (12 periods at
    /// most), so that lifting it by the deflators (at most tenfold) keeps every amount of a run
    /// within the limit: `check` then refuses what a run could not compute. Reported at the volume.
    mutating func checkAmounts() {
        let bound = UInt128(Money.limit.ore / 10)
        for fee in dataset.fees {
            guard let place = volumeRanges[Self.lineKey(fee.municipality, fee.key)] else { continue }
            for volume in dataset.volumes where volume.municipality == fee.municipality && volume.key == fee.key {
                var scale = UInt128(1)
                for _ in 0..<max(0, volume.value.scale) { scale *= 10 }
                let product = UInt128(fee.amount.ore.magnitude) * 12 * UInt128(volume.value.significand.magnitude)
                if product > bound * scale {
                    report(
                        .amountTooLarge(
                            "\(fee.amount) × \(NorwegianFormat.decimal(volume.value, grouping: true))",
                            perYear: true), place.file, place.range)
                }
            }
        }
    }

    /// Records where a dated value was defined, for the overlap check.
    mutating func remember(_ label: String, _ validity: Validity, _ file: String, _ range: SourceRange) {
        datedValues.append((label, validity, file, range))
    }

    /// Two values for the same fee, rule or model parameter must not be valid on the same day.
    mutating func checkOverlaps() {
        var seen: [String: [(Validity, String, SourceRange)]] = [:]
        for (label, validity, file, range) in datedValues {
            if let clash = seen[label, default: []].first(where: { $0.0.overlaps(validity) }) {
                let notes = clash.1 == file ? [DiagnosticNote(.previousDefinition, range: clash.2)] : []
                report(.validityOverlap(label), file, range, notes: notes)
            }
            seen[label, default: []].append((validity, file, range))
        }
    }
}

extension DiagnosticMessage {
    /// An amount beyond ``Money/limit`` (or, per year with its volume, beyond a tenth of it).
    static func amountTooLarge(_ text: String, perYear: Bool = false) -> Self {
        let limit = NorwegianFormat.money(perYear ? Money(ore: Money.limit.ore / 10) : Money.limit)
        return .init(
            code: "amount-too-large",
            nb: perYear
                ? "beløpet er for stort: \(text) gir mer enn \(limit) i året (høyst \(limit) per linje)"
                : "beløpet «\(text)» er for stort (høyst \(limit))",
            en: perYear
                ? "the amount is too large: \(text) gives more than \(limit) a year (at most \(limit) per line)"
                : "the amount «\(text)» is too large (at most \(limit))")
    }

    /// A volume beyond ``Volume/limit``.
    static func volumeTooLarge(_ text: String) -> Self {
        let limit = NorwegianFormat.decimal(Volume.limit, grouping: true)
        return .init(
            code: "volume-too-large", nb: "volumet «\(text)» er for stort (høyst \(limit))",
            en: "the volume «\(text)» is too large (at most \(limit))")
    }
}
