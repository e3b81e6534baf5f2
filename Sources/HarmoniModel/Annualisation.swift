/// Turning fee rows into amounts per year, the common basis of comparisons and budgets.
///
/// Documented choices (Harmoni never hides them):
/// - A monthly fee is billed `billedMonths` months a year. When its price changes during the
///   year, the unbilled months are taken from July onwards (11 billed months: July is free, as in
///   barnehage; 10: July and August are free), and each billed month is charged the price valid
///   on its first day. With one price all year the result is simply price × billed months.
/// - A fee per semester is charged twice a year; a fee per year once; a one-off amount once.
/// - Fees per day, døgn, hour, m³, litre of bin or m² have no annual amount by themselves: they
///   need a usage (a typical household's, or a standard consumption).
public enum Annualisation {
    /// The calendar months billed for a monthly fee billed `billedMonths` times a year.
    public static func billedCalendarMonths(_ billedMonths: Int) -> [Int] {
        let free: Set<Int>
        switch billedMonths {
        case 12...: free = []
        case 11: free = [7]
        case 10: free = [7, 8]
        default: free = Set(Array(7...12).prefix(max(0, 12 - billedMonths)))
        }
        return (1...12).filter { !free.contains($0) }.prefix(max(0, billedMonths)).map { $0 }
    }
}

/// An amount per year computed from one or more fee rows, with the weakest status among them.
public struct AnnualAmount: Sendable, Hashable, Codable {
    /// Kroner per year.
    public var amount: Money
    /// The weakest status of the rows used (published > derived > carried forward > estimated).
    public var status: Status
    /// True if any row used is flagged `low confidence`.
    public var lowConfidence: Bool
    /// The fee rows used, in date order.
    public var rows: [Fee]

    public init(amount: Money, status: Status, lowConfidence: Bool, rows: [Fee]) {
        self.amount = amount
        self.status = status
        self.lowConfidence = lowConfidence
        self.rows = rows
    }
}

extension Dataset {
    /// The mva rate in model use (25 % in 2019), from `parameter nasjonal.mva.alminnelig_sats`.
    public var vatRate: Rate {
        parameters("mva").first?.value.quantity?.number.asPercentRate ?? Rate(percent: 25)
    }

    /// An amount turned to include mva: `incl` stays, `excl` × (1 + mva) rounded half-up to øre,
    /// `none` stays (the service carries no mva).
    public func includingVAT(_ amount: Money, _ form: VATForm) -> Money {
        guard form == .excl else { return amount }
        return amount.multiplied(by: vatRate.growthFactor, rounding: .ore) ?? amount
    }

    /// The annual amount of a periodic fee line (month, semester, year, one-off) in `year`,
    /// optionally including mva. `nil` if the line has no row in the year or is priced per use.
    public func annualAmount(_ municipality: MunicipalityID, _ key: FeeKey, year: Int, includingVAT withVAT: Bool = true)
        -> AnnualAmount?
    {
        let rows = fees(municipality, key).filter { $0.provenance.validity.touches(year: year) }
        guard let first = rows.first else { return nil }
        var total = Money.zero
        var used: [Fee] = []
        func add(_ fee: Fee, times count: Int64) {
            let price = withVAT ? includingVAT(fee.amount, fee.vat) : fee.amount
            total += price * count
            if !used.contains(fee) { used.append(fee) }
        }
        switch first.period {
        case .month:
            let months = Annualisation.billedCalendarMonths(first.billedMonths ?? 12)
            for month in months {
                guard let day = CalendarDate(year: year, month: month, day: 1),
                    let fee = rows.first(where: { $0.provenance.validity.contains(day) })
                else { continue }
                add(fee, times: 1)
            }
        case .semester: add(first, times: 2)
        case .year, .once: add(first, times: 1)
        default: return nil
        }
        guard !used.isEmpty else { return nil }
        let status = used.map(\.provenance.status).max() ?? first.provenance.status
        return AnnualAmount(
            amount: total, status: status, lowConfidence: used.contains { $0.provenance.isLowConfidence }, rows: used)
    }
}
