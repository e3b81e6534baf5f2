import HarmoniModel

/// A household's income: kroner a year, or a multiple of G (which follows G month by month).
public enum HouseholdIncome: Sendable, Hashable, Codable {
    /// Gross household income per year.
    case kronerPerYear(Money)
    /// Income as a multiple of G (grunnbeløpet), e.g. 2,5 G.
    case gMultiple(Rate)

    /// The income in kroner a year on `date`: a multiple of G times the G in force, rounded half-up
    /// to øre; `nil` if the dataset has no G for the date.
    public func kroner(on date: CalendarDate, _ dataset: Dataset) -> Money? {
        if case .kronerPerYear(let amount) = self { return amount }
        return kroner(g: dataset.grunnbelop(on: date))
    }

    /// The income in kroner a year when G is `g` (`nil` for a multiple of G without a G).
    public func kroner(g: Money?) -> Money? {
        switch self {
        case .kronerPerYear(let amount): return amount
        case .gMultiple(let multiple): return g.flatMap { $0.multiplied(by: multiple, rounding: .ore) }
        }
    }

    /// True if the income is strictly under `multiple` × G on `date` (Harmoni's choice: `<`, so an
    /// income exactly at the threshold is not under it). `false` if the dataset has no G.
    public func isBelow(_ multiple: Rate, gOn date: CalendarDate, _ dataset: Dataset) -> Bool {
        if case .gMultiple(let own) = self { return own < multiple }
        return isBelow(multiple, g: dataset.grunnbelop(on: date))
    }

    /// True if the income is strictly under `multiple` × `g` (`false` for kroner without a G).
    public func isBelow(_ multiple: Rate, g: Money?) -> Bool {
        switch self {
        case .gMultiple(let own): return own < multiple
        case .kronerPerYear(let amount):
            guard let g else { return false }
            return Exact.isBelow(amount, multiple: multiple, of: g)
        }
    }

    /// True if the income is strictly under an amount in kroner on `date`.
    public func isBelow(_ limit: Money, on date: CalendarDate, _ dataset: Dataset) -> Bool {
        guard let income = kroner(on: date, dataset) else { return false }
        return income < limit
    }
}

/// A child's place in barnehage or SFO: the fee line and, when the dataset says, the age.
public struct ChildPlace: Sendable, Hashable, Codable {
    /// The household attribute (`child_1_barnehage`).
    public var attribute: String
    /// The fee line of the place (`barnehage.full_plass_5d`).
    public var line: FeeKey
    /// Age in years, read from the attribute's note (`age 4`), if stated.
    public var age: Int64?
}

/// A typical household read into typed usages: who uses which fee line, how much, on what income.
///
/// Read from the household's attributes by name: `household_income` (kr/år) or `household_income_G`
/// (G); `child_…` naming a `barnehage.…` or `sfo.…` line (age from the note's `age N`); an attribute
/// with `kost` in its name (a count of children paying kost); `ferie_sfo_days`;
/// `praktisk_bistand_hours`; `trygghetsalarm` (a count); `water_m3`, `water_meter`, `bra`;
/// `renovasjon_rfd` (a category line) and `renovasjon_asker` (the litres, `… 140 l …`); `chimneys`.
/// Attributes that price nothing are listed in ``unpriced``.
public struct HouseholdProfile: Sendable, Hashable, Codable {
    /// The household id.
    public var id: HouseholdID
    /// The one-sentence definition (Norwegian; `definition_en` holds the English one).
    public var definition: String
    /// The household income, if given (income rules apply only with one).
    public var income: HouseholdIncome?
    /// Barnehage places in attribute order.
    public var barnehageChildren: [ChildPlace] = []
    /// Children paying the kost line.
    public var kostChildren: Int64 = 0
    /// SFO places in attribute order.
    public var sfoChildren: [ChildPlace] = []
    /// Days of holiday SFO a year (priced per day, without moderation).
    public var ferieSFODays: DecimalNumber = DecimalNumber(0)
    /// Hours of praktisk bistand a month.
    public var praktiskBistandHoursPerMonth: DecimalNumber?
    /// Trygghetsalarm subscriptions.
    public var trygghetsalarms: Int64 = 0
    /// m³ of water a year (metered; avløp on the same volume).
    public var waterCubicMetresPerYear: DecimalNumber?
    /// Water meters rented.
    public var waterMeters: Int64 = 0
    /// The renovasjon category line where a municipality has one (`renovasjon.standard`).
    public var renovasjonCategory: FeeKey?
    /// Litres of bin where renovasjon is priced per litre (140 l).
    public var binLitres: DecimalNumber?
    /// Chimneys (feiing).
    public var chimneys: Int64 = 0
    /// Attributes read but not priced by any line (`bra` with a meter, `bruksenheter`, `mva`).
    public var unpriced: [String] = []

    /// Reads a household's attributes.
    public init(_ household: Household) {
        id = household.id
        definition = household.definition ?? household.id.rawValue
        for attribute in household.attributes { read(attribute) }
    }

    private mutating func read(_ attribute: HouseholdAttribute) {
        let name = attribute.name
        let number = attribute.value.quantity?.number
        let count = number?.wholeValue ?? 0
        switch (name, attribute.value) {
        case ("definition", _), ("definition_en", _), ("name", _), ("name_en", _), ("adults", _), ("months", _): return
        case ("household_income", .quantity(let q)):
            if let money = q.money { income = .kronerPerYear(money) }
        case ("household_income_G", .quantity(let q)):
            if let ratio = q.number.asRatio { income = .gMultiple(ratio) }
        case (_, .reference(let parts)) where name.hasPrefix("child_") && parts.count == 2:
            let place = ChildPlace(
                attribute: name, line: FeeKey(ServiceID(parts[0]), LineID(parts[1])), age: HouseholdProfile.age(in: attribute.note))
            if parts[0] == "sfo" { sfoChildren.append(place) } else { barnehageChildren.append(place) }
        case (_, .quantity) where name.contains("kost"): kostChildren += count
        case ("ferie_sfo_days", .quantity): ferieSFODays = number ?? ferieSFODays
        case ("praktisk_bistand_hours", .quantity): praktiskBistandHoursPerMonth = number
        case ("trygghetsalarm", .quantity): trygghetsalarms = count
        case ("water_m3", .quantity): waterCubicMetresPerYear = number
        case ("water_meter", .quantity): waterMeters = count
        case ("chimneys", .quantity): chimneys = count
        case ("renovasjon_rfd", .reference(let parts)) where parts.count == 2:
            renovasjonCategory = FeeKey(ServiceID(parts[0]), LineID(parts[1]))
        case ("renovasjon_asker", .text(let text)): binLitres = StandardUsage.litres(in: text)
        default: unpriced.append(name)
        }
    }

    /// The age in `age 4; …` or `age 7 (2. trinn)`, if the note states one.
    static func age(in note: String?) -> Int64? {
        guard let note else { return nil }
        let words = note.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," })
        for (index, word) in words.enumerated() where word == "age" && index + 1 < words.count {
            if let value = Int64(words[index + 1]) { return value }
        }
        return nil
    }
}
