import HarmoniModel
import HarmoniReport

/// The basis a comparison normalises every fee line to.
public enum ComparisonBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kroner per year including mva (the default): a monthly fee is charged in its billed months at
    /// the price valid on the first day of each, a semester fee twice, a yearly fee once; a price per
    /// use (m³, litre of bin, m², hour) times the ``StandardUsage``; excl. mva × 1,25 on the annual
    /// sum, rounded half-up to øre once.
    case perYear = "per_year"
    /// Kroner per month including mva: the amount per year / 12, rounded half-up to øre (an average
    /// month of the year, free months included).
    case perMonth = "per_month"
    /// As published: the price in force on 31 December of the year (or the last one of the year),
    /// in its own unit and mva form.
    case asPublished = "as_published"

    /// The heading text of the basis: `kr per år inkl. mva`.
    public func label(_ language: DisplayLanguageTag) -> String {
        switch (self, language) {
        case (.perYear, .nb): return "kr per år inkl. mva"
        case (.perYear, .en): return "kr per year incl. VAT"
        case (.perMonth, .nb): return "kr per måned inkl. mva"
        case (.perMonth, .en): return "kr per month incl. VAT"
        case (.asPublished, .nb): return "som publisert"
        case (.asPublished, .en): return "as published"
        }
    }
}

/// One standard usage and where it comes from (a typical household's attribute, or Harmoni's own
/// documented choice when no household uses the line).
public struct UsageValue: Sendable, Hashable, Codable {
    /// The quantity (150 m³ a year, 4 hours a month, …).
    public var amount: DecimalNumber
    /// The household it was read from, or `nil` for Harmoni's default.
    public var household: HouseholdID?
    /// The attribute read (`water_m3`), when read from a household.
    public var attribute: String?

    /// Creates a usage value.
    public init(_ amount: DecimalNumber, household: HouseholdID? = nil, attribute: String? = nil) {
        self.amount = amount
        self.household = household
        self.attribute = attribute
    }

    /// Where the usage comes from, in the output language: «typehusholdningen «SSBs standardbolig»»
    /// (the household's display name in `dataset`).
    public func origin(nb: Bool, in dataset: Dataset) -> String {
        guard let household else { return nb ? "Harmonis standard" : "Harmoni's standard" }
        let name = dataset.household(household)?.displayName(english: !nb) ?? household.rawValue
        return nb ? "typehusholdningen «\(name)»" : "the typical household «\(name)»"
    }
}

/// The usage that turns a price per use into an amount per year.
///
/// Read from the typical households where one uses the quantity (water, floor area, hours of
/// praktisk bistand); otherwise Harmoni's documented default. Prices per day and per døgn have no
/// standard usage by default: comparisons show them per day (per use) and say so.
public struct StandardUsage: Sendable, Hashable, Codable {
    /// m³ of water a year; avløp is charged on the same volume.
    public var waterCubicMetresPerYear: UsageValue
    /// Floor area (BRA) in m² for prices per m².
    public var floorAreaSquareMetres: UsageValue
    /// Litres of bin for prices per litre of bin per year when the line's name gives no bin size.
    public var binLitres: UsageValue
    /// Hours a month for prices per hour (charged every month of the year).
    public var hoursPerMonth: UsageValue
    /// Days a year for prices per day, or `nil` to show them per day.
    public var daysPerYear: UsageValue?
    /// Døgn (day and night) a year for prices per døgn, or `nil` to show them per døgn.
    public var dognPerYear: UsageValue?

    /// Creates a usage from explicit values.
    public init(
        waterCubicMetresPerYear: UsageValue, floorAreaSquareMetres: UsageValue, binLitres: UsageValue,
        hoursPerMonth: UsageValue, daysPerYear: UsageValue? = nil, dognPerYear: UsageValue? = nil
    ) {
        self.waterCubicMetresPerYear = waterCubicMetresPerYear
        self.floorAreaSquareMetres = floorAreaSquareMetres
        self.binLitres = binLitres
        self.hoursPerMonth = hoursPerMonth
        self.daysPerYear = daysPerYear
        self.dognPerYear = dognPerYear
    }

    /// Harmoni's defaults, equal to the shipped households' usages: 150 m³, 120 m², 140 l, 4 hours.
    public static let defaults = StandardUsage(
        waterCubicMetresPerYear: UsageValue(DecimalNumber(150)), floorAreaSquareMetres: UsageValue(DecimalNumber(120)),
        binLitres: UsageValue(DecimalNumber(140)), hoursPerMonth: UsageValue(DecimalNumber(4)))

    /// The usages of the dataset's typical households (the first household with each attribute, in
    /// dataset order): `water_m3`, `bra`, `praktisk_bistand_hours`, and the litres in
    /// `renovasjon_asker` (`"… 140 l …"`); the defaults where no household has one.
    public init(dataset: Dataset) {
        self = .defaults
        for household in dataset.households {
            for attribute in household.attributes {
                func read() -> UsageValue? {
                    let number: DecimalNumber?
                    switch attribute.value {
                    case .quantity(let q): number = q.number
                    case .text(let text): number = StandardUsage.litres(in: text)
                    default: number = nil
                    }
                    return number.map { UsageValue($0, household: household.id, attribute: attribute.name) }
                }
                switch attribute.name {
                case "water_m3" where waterCubicMetresPerYear.household == nil:
                    if let value = read() { waterCubicMetresPerYear = value }
                case "bra" where floorAreaSquareMetres.household == nil:
                    if let value = read() { floorAreaSquareMetres = value }
                case "praktisk_bistand_hours" where hoursPerMonth.household == nil:
                    if let value = read() { hoursPerMonth = value }
                case "renovasjon_asker" where binLitres.household == nil:
                    if let value = read() { binLitres = value }
                default: break
                }
            }
        }
    }

    /// The first whole number followed by ` l` in a text (`"grunnbelop + 140 l restavfall"` → 140).
    static func litres(in text: String) -> DecimalNumber? {
        let words = text.split(separator: " ")
        for (index, word) in words.enumerated() where index + 1 < words.count && words[index + 1] == "l" {
            if let value = Int64(word) { return DecimalNumber(value) }
        }
        return nil
    }

    /// The bin size of a per-litre line: the smallest size its id names (`variabel_2hjul_140_360l`
    /// → 140 l, `variabel_container_1100l` → 1 100 l), else ``binLitres``. Harmoni's choice: the
    /// smallest bin of the line's size range.
    public func binLitres(for line: LineID) -> UsageValue {
        guard let smallest = StandardUsage.binSizes(line).min() else { return binLitres }
        return UsageValue(DecimalNumber(smallest))
    }

    /// The bin sizes in litres a line id names: `variabel_2hjul_140_360l` → [140, 360].
    static func binSizes(_ line: LineID) -> [Int64] {
        line.rawValue.split(separator: "_").compactMap { part in Int64(part.hasSuffix("l") ? part.dropLast() : part) }
    }
}
