import HarmoniModel
import HarmoniReport

/// Barnehage, kost and SFO for a household, month by month.
///
/// Barnehage, per billed month and place: the price in force (capped at maksimalpris) → friplass
/// (free under the municipality's threshold in G) → 6 % income cap (6 % of income / 11, rounded
/// half-up to øre; income under the national limit) → gratis kjernetid (× (41 − 20) / 41, rounded
/// half-up to øre; income under the limit and age at least the minimum) → sibling discount (after
/// the income rules; the most expensive place carries none; rounded half-up to øre). SFO: friplass,
/// else the first moderation band the income is under; then the SFO sibling discount.
extension HouseholdContext {
    func barnehageLines() -> [HouseholdCostLine] {
        let ranks = self.ranks(profile.barnehageChildren)
        var lines = profile.barnehageChildren.enumerated().map { index, child in
            barnehageChild(child, rank: ranks[index], index: index)
        }
        if profile.kostChildren > 0 { lines.append(kost()) }
        return lines
    }

    func sfoLines() -> [HouseholdCostLine] {
        let ranks = self.ranks(profile.sfoChildren)
        var lines = profile.sfoChildren.enumerated().map { index, child in
            sfoChild(child, rank: ranks[index], index: index)
        }
        if profile.ferieSFODays > DecimalNumber(0) { lines.append(ferieSFO()) }
        return lines
    }

    /// Sibling ranks (1 = no discount): by annual list price, most expensive first, ties in
    /// attribute order.
    private func ranks(_ children: [ChildPlace]) -> [Int] {
        let prices = children.map { child in rows(child.line).reduce(Money.zero) { $0 + $1.amount } }
        let order = children.indices.sorted { prices[$0] != prices[$1] ? prices[$0] > prices[$1] : $0 < $1 }
        var ranks = Array(repeating: 1, count: children.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank + 1 }
        return ranks
    }

    /// The child's number from `child_3_sfo`, else its position.
    private func number(_ child: ChildPlace, _ index: Int) -> String {
        let parts = child.attribute.split(separator: "_")
        if parts.count > 1, Int(parts[1]) != nil { return String(parts[1]) }
        return String(index + 1)
    }

    private func barnehageChild(_ child: ChildPlace, rank: Int, index: Int) -> HouseholdCostLine {
        let id = { "barnehage." + child.attribute }
        let nb = { "\(DisplayNames.service(child.line.service, in: dataset, nb: true)), barn \(number(child, index)): \(placeName(child.line, nb: true))" }
        let en = { "\(DisplayNames.service(child.line.service, in: dataset, nb: false)), child \(number(child, index)): \(placeName(child.line, nb: false))" }
        let rows = rows(child.line)
        guard let first = rows.first else { return absent(id(), child.line, nb(), en()) }
        let rules = book.barnehage
        let discount = rank == 1 ? nil : rank == 2 ? rules.siblingDiscountSecond : rules.siblingDiscountThirdAndLater
        var trace = trace()
        var total = Money.zero
        for day in days(Annualisation.billedCalendarMonths(first.billedMonths ?? 12)) {
            guard let row = inForce(rows, on: day) else { continue }
            trace.use(rows[row].provenance)
            var price = dataset.includingVAT(rows[row].amount, rows[row].vat)
            if let at = rules.maksimalpris.index(on: day), price > rules.maksimalpris.values[at].value {
                let maximum = rules.maksimalpris.values[at].value
                price = maximum
                trace.use(rules.maksimalpris.values[at])
                trace.adjust("maksimalpris \(NorwegianFormat.money(maximum))/mnd", "maximum price \(NorwegianFormat.money(maximum))/month")
            }
            if friplass(rules.friplassUnderG, day, &trace) {
                price = .zero
            } else {
                price = incomeCap(price, day, &trace)
                price = kjernetid(price, child, index, day, &trace)
            }
            if let discount, discount.value > .zero, price > .zero {
                trace.use(discount)
                price = price.multiplied(by: Rate.one - discount.value, rounding: .ore) ?? price
                trace.adjust("søskenmoderasjon \(discount.value) (barn nr. \(rank))", "sibling discount \(discount.value) (child no. \(rank))")
            }
            total += price
        }
        return trace.line(id(), child.line.service, nb(), en(), total)
    }

    /// The place's line in words for a post name: «full plass (5 dager)» (the dataset's `line`
    /// name with a small first letter).
    private func placeName(_ key: FeeKey, nb: Bool) -> String {
        DisplayNames.lowercasedFirst(DisplayNames.line(key, in: dataset, nb: nb))
    }

    /// True (and traced) when a friplass threshold in G applies on `day`.
    func friplass(_ threshold: RuleValue<Rate>?, _ day: CalendarDate, _ trace: inout Trace) -> Bool {
        guard let threshold, incomeBelow(threshold.value, gOn: day) else { return false }
        trace.use(threshold)
        trace.adjust(
            "friplass: inntekt under \(NorwegianFormat.gMultiple(threshold.value))",
            "free place: income below \(NorwegianFormat.gMultiple(threshold.value))")
        return true
    }

    /// Redusert foreldrebetaling: at most 6 % of income per place per year, spread over 11 months.
    ///
    /// Recorded reads: the cap is a whole function of the income, so where it applies only this
    /// income gives this amount; where it does not, every larger income's cap is at least as
    /// large (the cap grows with the income) and does not apply either.
    private func incomeCap(_ price: Money, _ day: CalendarDate, _ trace: inout Trace) -> Money {
        guard let share = book.barnehage.incomeCapShare?.value, let limit = book.barnehage.incomeLimit.index(on: day),
            incomeBelow(book.barnehage.incomeLimit.values[limit].value, on: day), let kroner = incomeKroner(on: day),
            let cap = kroner.multiplied(byFraction: share.ppm, over: Rate.ppmPerUnit * book.barnehage.incomeCapMonths, rounding: .ore)
        else { return price }
        let recorded = reads.flatMap { reads -> HouseholdReads? in
            if case .kronerPerYear? = profile.income { return reads } else { return nil }
        }
        guard price > cap else {
            recorded?.heldUpward(from: kroner.ore)
            return price
        }
        recorded?.usedExactly(kroner.ore)
        if let rule = book.barnehage.incomeCapShare { trace.use(rule) }
        trace.use(book.barnehage.incomeLimit.values[limit])
        let shown = { "\(share) × \(NorwegianFormat.money(kroner)) / \(book.barnehage.incomeCapMonths) = \(NorwegianFormat.money(cap))" }
        trace.adjust("6 %-tak: \(shown())/mnd", "6 % cap: \(shown())/month")
        return cap
    }

    /// Gratis kjernetid: 20 of the full place's 41 hours a week free, for income under the limit.
    private func kjernetid(_ price: Money, _ child: ChildPlace, _ index: Int, _ day: CalendarDate, _ trace: inout Trace) -> Money {
        let rules = book.barnehage
        guard let free = rules.kjernetidHoursPerWeek, let limit = rules.incomeLimit.index(on: day),
            incomeBelow(rules.incomeLimit.values[limit].value, on: day), let freeHours = free.value.scaled(to: 6),
            let fullHours = rules.fullPlaceHoursPerWeek.scaled(to: 6), fullHours > freeHours
        else { return price }
        let minimum = rules.kjernetidMinimumAge.value(on: day)
        if let minimum, let years = minimum.value.wholeValue, barnehageChild(index, isYoungerThan: years) { return price }
        trace.use(free)
        if let minimum { trace.use(minimum) }
        let paid = { DecimalNumber(significand: fullHours - freeHours, scale: 6).normalized }
        trace.adjust(
            "gratis kjernetid: \(free.value) av \(rules.fullPlaceHoursPerWeek) timer/uke (× \(paid())/\(rules.fullPlaceHoursPerWeek))",
            "free core time: \(free.value) of \(rules.fullPlaceHoursPerWeek) hours/week (× \(paid())/\(rules.fullPlaceHoursPerWeek))")
        return price.multiplied(byFraction: fullHours - freeHours, over: fullHours, rounding: .ore) ?? price
    }

    private func kost() -> HouseholdCostLine {
        let key = FeeKey("barnehage", "kost")
        let count = profile.kostChildren
        let nb = { "Kost i barnehage (\(count) barn)" }
        let en = { "Barnehage meals (\(count) children)" }
        let rows = rows(key)
        guard let first = rows.first else { return absent("barnehage.kost", key, nb(), en()) }
        var trace = trace()
        var total = Money.zero
        for day in days(Annualisation.billedCalendarMonths(first.billedMonths ?? 12)) {
            guard let row = inForce(rows, on: day) else { continue }
            trace.use(rows[row].provenance)
            if book.barnehage.friplassIncludesKost, friplass(book.barnehage.friplassUnderG, day, &trace) { continue }
            total += dataset.includingVAT(rows[row].amount, rows[row].vat) * count
        }
        return trace.line("barnehage.kost", key.service, nb(), en(), total)
    }

    private func sfoChild(_ child: ChildPlace, rank: Int, index: Int) -> HouseholdCostLine {
        let id = { "sfo." + child.attribute }
        let nb = { "\(DisplayNames.service(child.line.service, in: dataset, nb: true)), barn \(number(child, index)): \(placeName(child.line, nb: true))" }
        let en = { "\(DisplayNames.service(child.line.service, in: dataset, nb: false)), child \(number(child, index)): \(placeName(child.line, nb: false))" }
        let rows = rows(child.line)
        guard let first = rows.first else { return absent(id(), child.line, nb(), en()) }
        let rules = book.sfo
        let months = first.billedMonths ?? rules.billedMonths.flatMap { $0.value.wholeValue.map(Int.init) } ?? 12
        var trace = trace()
        var total = Money.zero
        for day in days(Annualisation.billedCalendarMonths(months)) {
            guard let row = inForce(rows, on: day) else { continue }
            trace.use(rows[row].provenance)
            var price = dataset.includingVAT(rows[row].amount, rows[row].vat)
            if friplass(rules.friplassUnderG, day, &trace) {
                price = .zero
            } else if let band = rules.moderationBands.first(where: { incomeBelow($0.underG.value, gOn: day) }) {
                trace.use(band.underG)
                trace.use(band.reduction)
                price = price.multiplied(by: Rate.one - band.reduction.value, rounding: .ore) ?? price
                let g = { NorwegianFormat.gMultiple(band.underG.value) }
                let reduction = band.reduction.value
                trace.adjust("inntektsmoderasjon \(reduction) (inntekt under \(g()))", "income reduction \(reduction) (income below \(g()))")
            }
            if rank > 1, let discount = rules.siblingDiscount, discount.value > .zero, price > .zero {
                trace.use(discount)
                price = price.multiplied(by: Rate.one - discount.value, rounding: .ore) ?? price
                trace.adjust("søskenmoderasjon SFO \(discount.value)", "SFO sibling discount \(discount.value)")
            }
            total += price
        }
        return trace.line(id(), child.line.service, nb(), en(), total)
    }

    private func ferieSFO() -> HouseholdCostLine {
        let key = FeeKey("sfo", "ferie_dag")
        let days = profile.ferieSFODays
        let nb = { "SFO, feriedager (\(days) dager)" }
        let en = { "SFO, holiday days (\(days) days)" }
        guard let fee = dataset.fee(municipality, key, on: .endOf(year: year)) ?? rows(key).last else {
            return absent("sfo.ferie_dag", key, nb(), en())
        }
        var trace = trace()
        trace.use(fee.provenance)
        let amount = Exact.money(dataset.includingVAT(fee.amount, fee.vat), times: days) ?? .zero
        return trace.line("sfo.ferie_dag", key.service, nb(), en(), amount)
    }
}
