import HarmoniModel

/// Praktisk bistand and trygghetsalarm for a household, month by month (12 months).
///
/// Praktisk bistand: free under the municipality's threshold in G; otherwise paid hours = the
/// smaller of the hours used and the cap of the income band (`fromG ≤ income < toG`), times the hour
/// price (rounded half-up to øre); under the national limit (2 G) at most the national cap
/// (210 kr/mnd). Trygghetsalarm: the monthly price, free under the municipality's threshold in G.
extension HouseholdContext {
    func careLines() -> [HouseholdCostLine] {
        var lines: [HouseholdCostLine] = []
        if let hours = profile.praktiskBistandHoursPerMonth, hours > DecimalNumber(0) { lines.append(praktiskBistand(hours)) }
        if profile.trygghetsalarms > 0 { lines.append(trygghetsalarm()) }
        return lines
    }

    private func praktiskBistand(_ hours: DecimalNumber) -> HouseholdCostLine {
        let key = FeeKey("praktisk_bistand", "timepris")
        let nb = { "Praktisk bistand (\(hours) timer/mnd)" }
        let en = { "Practical assistance (\(hours) hours/month)" }
        let rows = rows(key)
        guard !rows.isEmpty else { return absent("praktisk_bistand.timepris", key, nb(), en()) }
        let rules = book.praktiskBistand
        var trace = trace()
        var total = Money.zero
        for day in days(Array(1...12)) {
            guard let fee = rows.first(where: { $0.provenance.validity.contains(day) }) else { continue }
            trace.use(fee.provenance)
            let price = dataset.includingVAT(fee.amount, fee.vat)
            if let free = rules.freeUnderG, incomeBelow(free.value, gOn: day) {
                trace.use(free)
                trace.adjust(
                    "fritak: inntekt under \(NorwegianFormat.gMultiple(free.value))", "exempt: income below \(NorwegianFormat.gMultiple(free.value))")
                continue
            }
            var paid = hours
            if profile.income != nil, let band = band(rules, day), band.hours.value < paid {
                paid = band.hours.value
                trace.use(band.hours)
                let range = {
                    NorwegianFormat.decimal(band.fromG.fraction, grouping: false) + "–" + (band.toG.map { NorwegianFormat.gMultiple($0) } ?? "")
                }
                trace.adjust("tak: \(paid) betalte timer/mnd (inntekt \(range()))", "cap: \(paid) paid hours/month (income \(range()))")
            }
            var amount = Exact.money(price, times: paid) ?? .zero
            if let cap = rules.nationalCap, incomeBelow(rules.nationalCapUnderG, gOn: day), amount > cap.value {
                amount = cap.value
                trace.use(cap)
                trace.adjust("nasjonalt tak \(NorwegianFormat.money(cap.value))/mnd", "national cap \(NorwegianFormat.money(cap.value))/month")
            }
            total += amount
        }
        return trace.line("praktisk_bistand.timepris", key.service, nb(), en(), total)
    }

    /// The paid-hour band the income falls in on `day`: not under `fromG`, and under `toG` (if any).
    private func band(_ rules: PraktiskBistandRules, _ day: CalendarDate) -> PaidHourBand? {
        rules.paidHourCaps.first { band in
            !incomeBelow(band.fromG, gOn: day) && (band.toG.map { incomeBelow($0, gOn: day) } ?? true)
        }
    }

    private func trygghetsalarm() -> HouseholdCostLine {
        let key = FeeKey("trygghetsalarm", "abonnement")
        let count = profile.trygghetsalarms
        let nb = { count == 1 ? "Trygghetsalarm" : "Trygghetsalarm (\(count))" }
        let en = { count == 1 ? "Safety alarm" : "Safety alarm (\(count))" }
        let rows = rows(key)
        guard let first = rows.first else { return absent("trygghetsalarm.abonnement", key, nb(), en()) }
        var trace = trace()
        var total = Money.zero
        for day in days(Annualisation.billedCalendarMonths(first.billedMonths ?? 12)) {
            guard let fee = rows.first(where: { $0.provenance.validity.contains(day) }) else { continue }
            trace.use(fee.provenance)
            if let free = book.trygghetsalarmFreeUnderG, incomeBelow(free.value, gOn: day) {
                trace.use(free)
                trace.adjust(
                    "fritak: inntekt under \(NorwegianFormat.gMultiple(free.value))", "exempt: income below \(NorwegianFormat.gMultiple(free.value))")
                continue
            }
            total += dataset.includingVAT(fee.amount, fee.vat) * count
        }
        return trace.line("trygghetsalarm.abonnement", key.service, nb(), en(), total)
    }
}
