import HarmoniModel
import HarmoniReport

/// What a normalised amount is counted per.
public enum AmountUnit: Sendable, Hashable, Codable {
    /// Kroner per year including mva.
    case perYear
    /// Kroner per month including mva (a twelfth of the year).
    case perMonth
    /// Per use or per case, including mva, because no standard usage exists (kr/dag, kr/døgn, a
    /// one-off gebyr).
    case perUse(PricePeriod)
    /// As published: the stored unit and mva form.
    case published(PricePeriod, VATForm)

    /// Short text for a table: `kr/år`, `kr/dag`, `kr/m3 ekskl. mva`.
    public func label(_ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch self {
        case .perYear: return nb ? "kr/år" : "kr/year"
        case .perMonth: return nb ? "kr/mnd" : "kr/month"
        case .perUse(let period): return period == .once ? (nb ? "kr (engang)" : "kr (one-off)") : period.unit.symbol
        case .published(let period, let vat):
            let base = period == .once ? "kr" : period.unit.symbol
            switch vat {
            case .none: return base
            case .incl: return base + (nb ? " inkl. mva" : " incl. VAT")
            case .excl: return base + (nb ? " ekskl. mva" : " excl. VAT")
            }
        }
    }
}

/// A fee line of one municipality turned into an amount on a ``ComparisonBasis``.
public struct NormalisedAmount: Sendable, Hashable, Codable {
    /// The amount (including mva unless the unit says otherwise).
    public var amount: Money
    /// What it is counted per.
    public var unit: AmountUnit
    /// The weakest status of the fee rows used.
    public var status: Status
    /// True if any row used is flagged `low confidence`.
    public var lowConfidence: Bool
    /// The kinds of estimate of the estimated rows used (`national reference`, …), without repeats.
    public var estimateKinds: [String]
    /// The usage applied to a price per use, if any (150 m³ a year, 4 hours a month).
    public var usage: AppliedUsage?
    /// The fee rows used, in date order.
    public var rows: [Fee]

    /// Creates a normalised amount.
    public init(
        amount: Money, unit: AmountUnit, status: Status, lowConfidence: Bool, estimateKinds: [String],
        usage: AppliedUsage?, rows: [Fee]
    ) {
        self.amount = amount
        self.unit = unit
        self.status = status
        self.lowConfidence = lowConfidence
        self.estimateKinds = estimateKinds
        self.usage = usage
        self.rows = rows
    }
}

/// A standard usage applied to a price per use: which quantity and per what.
public struct AppliedUsage: Sendable, Hashable, Codable {
    /// The price period it multiplies (m³, litre of bin, hour, …).
    public var period: PricePeriod
    /// The usage.
    public var value: UsageValue
}

extension Dataset {
    /// A fee line of a municipality normalised to `basis` in `year`, or `nil` when the municipality
    /// has no row of the line valid in the year.
    ///
    /// Rounding: the annual sum is exact in øre before mva; excl. mva × (1 + mva) is rounded half-up
    /// to øre once, on the sum; per month divides the annual amount by 12, half-up to øre. A price
    /// per m³, litre of bin or m² that changes during the year is charged each month's price for a
    /// twelfth of the usage (summed exactly, rounded once).
    public func normalised(
        _ municipality: MunicipalityID, _ key: FeeKey, basis: ComparisonBasis, year: Int, usage: StandardUsage
    ) -> NormalisedAmount? {
        let rows = fees(municipality, key).filter { $0.provenance.validity.touches(year: year) }
        guard let last = rows.last else { return nil }
        if basis == .asPublished {
            let shown = fee(municipality, key, on: .endOf(year: year)) ?? last
            return Self.amount(shown.amount, .published(shown.period, shown.vat), [shown], usage: nil)
        }
        guard var result = perYear(municipality, key, rows, year: year, usage: usage) else { return nil }
        if basis == .perMonth, result.unit == .perYear, let monthly = Exact.divide(result.amount, by: 12) {
            result.amount = monthly
            result.unit = .perMonth
        }
        return result
    }

    private func perYear(
        _ municipality: MunicipalityID, _ key: FeeKey, _ rows: [Fee], year: Int, usage: StandardUsage
    ) -> NormalisedAmount? {
        guard let first = rows.first else { return nil }
        switch first.period {
        case .month, .semester, .year:
            guard let annual = annualAmount(municipality, key, year: year, includingVAT: true) else { return nil }
            return Self.amount(annual.amount, .perYear, annual.rows, usage: nil)
        case .once:
            let shown = fee(municipality, key, on: .endOf(year: year)) ?? first
            return Self.amount(includingVAT(shown.amount, shown.vat), .perUse(.once), [shown], usage: nil)
        case .hour:
            return perMonthUsage(rows, year: year, usage: AppliedUsage(period: .hour, value: usage.hoursPerMonth))
        case .cubicMetre:
            return perYearUsage(rows, year: year, usage: AppliedUsage(period: .cubicMetre, value: usage.waterCubicMetresPerYear))
        case .squareMetre:
            return perYearUsage(rows, year: year, usage: AppliedUsage(period: .squareMetre, value: usage.floorAreaSquareMetres))
        case .litreOfBinPerYear:
            let litres = usage.binLitres(for: key.line)
            return perYearUsage(rows, year: year, usage: AppliedUsage(period: .litreOfBinPerYear, value: litres))
        case .day, .dogn:
            if let count = first.period == .day ? usage.daysPerYear : usage.dognPerYear {
                return perYearUsage(rows, year: year, usage: AppliedUsage(period: first.period, value: count))
            }
            let shown = rows.first { $0.provenance.validity.contains(.endOf(year: year)) } ?? first
            return Self.amount(includingVAT(shown.amount, shown.vat), .perUse(first.period), [shown], usage: nil)
        }
    }

    /// The prices in force on the first day of each month of the year (øre; 0 where none is).
    private func monthlyPrices(_ rows: [Fee], year: Int) -> (sum: Money, used: [Fee]) {
        var sum = Money.zero
        var used: [Fee] = []
        for month in 1...12 {
            guard let day = CalendarDate(year: year, month: month, day: 1),
                let fee = rows.first(where: { $0.provenance.validity.contains(day) })
            else { continue }
            sum += fee.amount
            if !used.contains(fee) { used.append(fee) }
        }
        return (sum, used)
    }

    /// A yearly usage: Σ monthly price × usage / 12, rounded half-up to øre, then mva (also used
    /// for the typical households).
    ///
    /// The monthly prices are summed exactly, fractions of an øre included (``Fee/exactPriceMicroKroner``:
    /// 15,344 kr/m³ × 150 m³ = 2 301,60 kr), and the product is rounded once.
    func perYearUsage(_ rows: [Fee], year: Int, usage: AppliedUsage) -> NormalisedAmount? {
        let (_, used) = monthlyPrices(rows, year: year)
        var sumMicro: Int128 = 0
        for month in 1...12 {
            guard let day = CalendarDate(year: year, month: month, day: 1),
                let fee = rows.first(where: { $0.provenance.validity.contains(day) })
            else { continue }
            sumMicro += fee.exactPriceMicroKroner
        }
        guard let first = used.first, let ppm = usage.value.amount.asRatio,
            case (let product, false) = sumMicro.multipliedReportingOverflow(by: Int128(ppm.ppm)),
            let annual = Money.fromMicroKroner(product, over: 12 * Int128(Rate.ppmPerUnit), rounding: .halfUp)
        else { return nil }
        return Self.amount(includingVAT(annual, first.vat), .perYear, used, usage: usage)
    }

    /// A monthly usage (hours): Σ monthly price × usage, rounded half-up to øre, then mva.
    func perMonthUsage(_ rows: [Fee], year: Int, usage: AppliedUsage) -> NormalisedAmount? {
        let (sum, used) = monthlyPrices(rows, year: year)
        guard let first = used.first, let annual = Exact.money(sum, times: usage.value.amount) else { return nil }
        return Self.amount(includingVAT(annual, first.vat), .perYear, used, usage: usage)
    }

    private static func amount(_ amount: Money, _ unit: AmountUnit, _ rows: [Fee], usage: AppliedUsage?) -> NormalisedAmount {
        var kinds: [String] = []
        for row in rows {
            if let kind = row.provenance.estimateKind, !kinds.contains(kind) { kinds.append(kind) }
        }
        return NormalisedAmount(
            amount: amount, unit: unit, status: rows.map(\.provenance.status).max() ?? .published,
            lowConfidence: rows.contains { $0.provenance.isLowConfidence }, estimateKinds: kinds, usage: usage, rows: rows)
    }
}
