import HarmoniModel
import HarmoniReport

/// Vann, avløp, renovasjon and feiing for a dwelling, including mva.
///
/// Vann and avløp: the household's m³ a year × the price per m³ (avløp on the same volume); in a
/// two-part tariff (Røyken, Hurum: Viva IKS) also the fastledd vann and the fastledd avløp, one per
/// dwelling unit (a household lives in one); meter rent per meter where the tariff has it. Each line:
/// excl. mva summed exactly, then × 1,25 rounded half-up to øre. A municipality without a fastledd
/// (Asker: only per-m³ prices) shows that line as not offered, never as 0.
/// Renovasjon: the household's category line where the municipality has it (RfD `standard`),
/// otherwise grunnbeløp + the household's litres × the price per litre of the bin line whose size
/// range holds them. Feiing: missing from the record, so shown as missing and left out of the total.
extension HouseholdContext {
    func dwellingLines() -> [HouseholdCostLine] {
        var lines: [HouseholdCostLine] = []
        if let cubicMetres = profile.waterCubicMetresPerYear {
            lines.append(perUse("vann.forbruk_m3", FeeKey("vann", "forbruk_m3"), cubicMetres, "Vann", "Water"))
            lines.append(perUse("avlop.forbruk_m3", FeeKey("avlop", "forbruk_m3"), cubicMetres, "Avløp", "Wastewater"))
            lines.append(fixedCharge(FeeKey("vann", "fastledd"), "Fastledd vann (1 boenhet)", "Fixed charge, water (1 dwelling)"))
            lines.append(fixedCharge(FeeKey("avlop", "fastledd"), "Fastledd avløp (1 boenhet)", "Fixed charge, wastewater (1 dwelling)"))
        }
        if profile.waterMeters > 0 { lines.append(meterRent()) }
        if profile.renovasjonCategory != nil || profile.binLitres != nil { lines.append(renovasjon()) }
        if profile.chimneys > 0 { lines.append(feiing()) }
        return lines
    }

    private func perUse(_ id: String, _ key: FeeKey, _ cubicMetres: DecimalNumber, _ nb: String, _ en: String) -> HouseholdCostLine {
        let nbLabel = { "\(nb) (\(cubicMetres) m3/år)" }
        let enLabel = { "\(en) (\(cubicMetres) m3/year)" }
        let rows = rows(key)
        let usage = AppliedUsage(period: .cubicMetre, value: UsageValue(cubicMetres, household: profile.id, attribute: "water_m3"))
        guard let amount = dataset.perYearUsage(rows, year: year, usage: usage) else { return absent(id, key, nbLabel(), enLabel()) }
        var trace = trace()
        for row in amount.rows { trace.use(row.provenance) }
        return trace.line(id, key.service, nbLabel(), enLabel(), amount.amount)
    }

    /// A fastledd: the annual fixed charge of one dwelling unit.
    private func fixedCharge(_ key: FeeKey, _ nb: String, _ en: String) -> HouseholdCostLine {
        let id = key.description
        guard let amount = dataset.normalised(municipality, key, basis: .perYear, year: year, usage: .defaults) else {
            return absent(id, key, nb, en)
        }
        var trace = trace()
        for row in amount.rows { trace.use(row.provenance) }
        return trace.line(id, key.service, nb, en, amount.amount)
    }

    private func meterRent() -> HouseholdCostLine {
        let key = FeeKey("vann", "vannmalerleie")
        let count = profile.waterMeters
        let nb = { "Vannmålerleie (\(count) måler)" }
        let en = { "Water meter rent (\(count) meter)" }
        guard let amount = dataset.normalised(municipality, key, basis: .perYear, year: year, usage: .defaults) else {
            return absent("vann.vannmalerleie", key, nb(), en())
        }
        var trace = trace()
        for row in amount.rows { trace.use(row.provenance) }
        return trace.line("vann.vannmalerleie", key.service, nb(), en(), amount.amount * count)
    }

    private func renovasjon() -> HouseholdCostLine {
        let nb = "Renovasjon"
        let en = "Waste collection"
        var trace = trace()
        if let category = profile.renovasjonCategory,
            let amount = dataset.normalised(municipality, category, basis: .perYear, year: year, usage: .defaults)
        {
            for row in amount.rows { trace.use(row.provenance) }
            trace.adjust(
                "kategori " + DisplayNames.lowercasedFirst(DisplayNames.line(category, in: dataset, nb: true)),
                "category " + DisplayNames.lowercasedFirst(DisplayNames.line(category, in: dataset, nb: false)))
            return trace.line("renovasjon", category.service, nb, en, amount.amount)
        }
        let base = FeeKey("renovasjon", "grunnbelop")
        let litres = profile.binLitres ?? StandardUsage.defaults.binLitres.amount
        guard let fixed = dataset.normalised(municipality, base, basis: .perYear, year: year, usage: .defaults),
            let bin = binLine(litres),
            let variable = dataset.perYearUsage(
                rows(bin), year: year, usage: AppliedUsage(period: .litreOfBinPerYear, value: UsageValue(litres, household: profile.id)))
        else {
            return absent("renovasjon", profile.renovasjonCategory ?? base, nb, en)
        }
        for row in fixed.rows + variable.rows { trace.use(row.provenance) }
        let price = { variable.rows.last.map { NorwegianFormat.money($0.amount, unit: "kr/l/år") } ?? "" }
        let binName = { (nb: Bool) in DisplayNames.lowercasedFirst(DisplayNames.line(bin, in: dataset, nb: nb)) }
        trace.adjust("grunnbeløp + \(litres) l × \(price()) (\(binName(true)))", "base fee + \(litres) l × \(price()) (\(binName(false)))")
        return trace.line("renovasjon", base.service, nb, en, fixed.amount + variable.amount)
    }

    /// The per-litre bin line whose size range (from its id) holds `litres`.
    private func binLine(_ litres: DecimalNumber) -> FeeKey? {
        dataset.lines(of: "renovasjon").first { key in
            guard rows(key).first?.period == .litreOfBinPerYear else { return false }
            let sizes = StandardUsage.binSizes(key.line)
            guard let low = sizes.min(), let high = sizes.max() else { return false }
            return DecimalNumber(low) <= litres && litres <= DecimalNumber(high)
        }
    }

    private func feiing() -> HouseholdCostLine {
        let service: ServiceID = "feiing"
        let count = profile.chimneys
        let nb = { "Feiing (\(count) pipeløp)" }
        let en = { "Chimney sweeping (\(count) flue)" }
        let amounts = dataset.lines(of: service).compactMap {
            dataset.normalised(municipality, $0, basis: .perYear, year: year, usage: .defaults)
        }
        guard !amounts.isEmpty else { return absent("feiing", FeeKey(service, "gebyr"), nb(), en()) }
        var trace = trace()
        for row in amounts.flatMap(\.rows) { trace.use(row.provenance) }
        return trace.line("feiing", service, nb(), en(), amounts.reduce(Money.zero) { $0 + $1.amount } * count)
    }
}
