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
        let nb = "Praktisk bistand (\(hours) timer/mnd)"
        let en = "Practical assistance (\(hours) hours/month)"
        let rows = rows(key)
        guard !rows.isEmpty else { return absent("praktisk_bistand.timepris", key, nb, en) }
        let rules = book.praktiskBistand
        var trace = Trace()
        var total = Money.zero
        for day in days(Array(1...12)) {
            guard let fee = rows.first(where: { $0.provenance.validity.contains(day) }) else { continue }
            trace.use(fee.provenance)
            let price = dataset.includingVAT(fee.amount, fee.vat)
            if let free = rules.freeUnderG, let income = profile.income, income.isBelow(free.value, gOn: day, dataset) {
                trace.use(free)
                let g = NorwegianFormat.gMultiple(free.value)
                trace.adjust("fritak: inntekt under \(g)", "exempt: income below \(g)")
                continue
            }
            var paid = hours
            if let income = profile.income, let band = band(rules, income, day), band.hours.value < paid {
                paid = band.hours.value
                trace.use(band.hours)
                let range = NorwegianFormat.decimal(band.fromG.fraction, grouping: false) + "–"
                    + (band.toG.map { NorwegianFormat.gMultiple($0) } ?? "")
                trace.adjust("tak: \(paid) betalte timer/mnd (inntekt \(range))", "cap: \(paid) paid hours/month (income \(range))")
            }
            var amount = Exact.money(price, times: paid) ?? .zero
            if let cap = rules.nationalCap, let income = profile.income, income.isBelow(rules.nationalCapUnderG, gOn: day, dataset),
                amount > cap.value
            {
                amount = cap.value
                trace.use(cap)
                trace.adjust("nasjonalt tak \(NorwegianFormat.money(cap.value))/mnd", "national cap \(NorwegianFormat.money(cap.value))/month")
            }
            total += amount
        }
        return trace.line("praktisk_bistand.timepris", key.service, nb, en, total)
    }

    /// The paid-hour band an income falls in on `day`: not under `fromG`, and under `toG` (if any).
    private func band(_ rules: PraktiskBistandRules, _ income: HouseholdIncome, _ day: CalendarDate) -> PaidHourBand? {
        rules.paidHourCaps.first { band in
            !income.isBelow(band.fromG, gOn: day, dataset) && (band.toG.map { income.isBelow($0, gOn: day, dataset) } ?? true)
        }
    }

    private func trygghetsalarm() -> HouseholdCostLine {
        let key = FeeKey("trygghetsalarm", "abonnement")
        let count = profile.trygghetsalarms
        let nb = count == 1 ? "Trygghetsalarm" : "Trygghetsalarm (\(count))"
        let en = count == 1 ? "Safety alarm" : "Safety alarm (\(count))"
        let rows = rows(key)
        guard let first = rows.first else { return absent("trygghetsalarm.abonnement", key, nb, en) }
        var trace = Trace()
        var total = Money.zero
        for day in days(Annualisation.billedCalendarMonths(first.billedMonths ?? 12)) {
            guard let fee = rows.first(where: { $0.provenance.validity.contains(day) }) else { continue }
            trace.use(fee.provenance)
            if let free = book.trygghetsalarmFreeUnderG, let income = profile.income, income.isBelow(free.value, gOn: day, dataset) {
                trace.use(free)
                let g = NorwegianFormat.gMultiple(free.value)
                trace.adjust("fritak: inntekt under \(g)", "exempt: income below \(g)")
                continue
            }
            total += dataset.includingVAT(fee.amount, fee.vat) * count
        }
        return trace.line("trygghetsalarm.abonnement", key.service, nb, en, total)
    }
}
