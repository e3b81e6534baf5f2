import HarmoniModel

/// A reason a decision cannot be applied or a simulation cannot run, in Norwegian and English,
/// with a stable code. Statements turn it into a located diagnostic.
public struct SimulationError: Error, Sendable, Hashable {
    /// A stable machine-readable code: `missing-deflator`, `no-common-line`, …
    public var code: String
    /// Norwegian bokmål text.
    public var nb: String
    /// English text.
    public var en: String

    /// Creates an error.
    public init(code: String, nb: String, en: String) {
        self.code = code
        self.nb = nb
        self.en = en
    }

    /// No deflator for some years of the period.
    public static func missingDeflator(_ years: [Int]) -> Self {
        let list = years.map(String.init).joined(separator: ", ")
        return .init(
            code: "missing-deflator",
            nb: "datasettet har ingen kommunal deflator for \(list); sett den med «deflator \(years[0]) = 3,1 %»",
            en: "the dataset has no kommunal deflator for \(list); set it with «deflator \(years[0]) = 3,1 %»")
    }

    /// The period does not come after the baseline year.
    public static func periodBeforeBaseline(_ period: ClosedRange<Int>, _ baseline: Int) -> Self {
        .init(
            code: "period-before-baseline",
            nb: "perioden \(period.lowerBound)...\(period.upperBound) må ligge etter grunnlagsåret \(baseline)",
            en: "the period \(period.lowerBound)...\(period.upperBound) must come after the baseline year \(baseline)")
    }

    /// A target that names nothing in the dataset.
    public static func unknownTarget(_ text: String) -> Self {
        .init(
            code: "unknown-target",
            nb: "«\(text)» er verken en gebyrlinje, en tjeneste, en tilskuddsordning, en regel eller et tjenesteområde",
            en: "«\(text)» is neither a fee line, a service, a subsidy scheme, a rule nor a service area")
    }

    /// A group without a line all three municipalities have.
    public static func noCommonLine(_ group: String) -> Self {
        .init(
            code: "no-common-line",
            nb:
                "«\(group)» har ingen linje som alle tre kommunene har (ulik tariffstruktur); harmoniser uten «behold struktur» (linje for linje) eller endre med «med …»",
            en:
                "«\(group)» has no line all three municipalities have (different tariff structures); harmonise without «keep structure» (line by line) or change with «by …»"
        )
    }

    /// A line priced per different periods or mva forms.
    public static func notComparable(_ line: String) -> Self {
        .init(
            code: "not-comparable",
            nb: "«\(line)» har ulik periode eller mva-form i kommunene og kan ikke harmoniseres samlet",
            en:
                "«\(line)» has different periods or VAT forms across the municipalities and cannot be harmonised together"
        )
    }

    /// `weighted` without a volume.
    public static func missingVolumeForWeighted(_ line: String, _ municipality: MunicipalityID) -> Self {
        .init(
            code: "missing-volume",
            nb: "«weighted» trenger volum for \(line) i \(municipality); datasettet har ikke det",
            en: "«weighted» needs a volume for \(line) in \(municipality); the dataset has none")
    }

    /// `to <municipality>` where the municipality lacks the line.
    public static func municipalityLacksLine(_ municipality: MunicipalityID, _ line: String) -> Self {
        .init(
            code: "municipality-lacks-line", nb: "\(municipality) har ikke linjen «\(line)»",
            en: "\(municipality) has no line «\(line)»")
    }

    /// An amount per a period the line is not priced in.
    public static func periodMismatch(_ line: String, expected: PricePeriod, found: PricePeriod?) -> Self {
        let unit = expected.unit.symbol
        let given = (found ?? .once).unit.symbol
        return .init(
            code: "period-mismatch",
            nb: "«\(line)» prises i \(unit); beløpet er i \(given) (bruk \(unit) eller kr/år for årsbeløp)",
            en: "«\(line)» is priced in \(unit); the amount is in \(given) (use \(unit), or kr/år for an annual amount)"
        )
    }

    /// A rule target with a rule other than a municipality; `example` is one of the merging
    /// municipalities (the first of the dataset's merger).
    public static func ruleNeedsMunicipality(_ target: String, example: String = "asker") -> Self {
        .init(
            code: "rule-needs-municipality",
            nb: "regler harmoniseres ved å ta i bruk én kommunes regel: «harmoniser \(target) til \(example)»",
            en: "rules are harmonised by adopting one municipality's rule: «harmonise \(target) to \(example)»")
    }

    /// A goal-seek target without any volume.
    public static func noVolume(_ target: String) -> Self {
        .init(
            code: "missing-volume",
            nb: "ingen linje i «\(target)» har volum, så inntekten kan ikke regnes ut (mangler, ikke 0)",
            en: "no line of «\(target)» has a volume, so its revenue cannot be computed (missing, not 0)")
    }

    /// A goal-seek that finds no level.
    public static func goalUnreachable(_ target: String) -> Self {
        .init(
            code: "goal-unreachable", nb: "fant ikke et nivå for «\(target)» som gir ønsket inntekt",
            en: "found no level for «\(target)» that gives the requested revenue")
    }

    /// An unknown coverage indicator.
    public static func unknownCoverage(_ text: String, _ municipality: MunicipalityID) -> Self {
        .init(
            code: "unknown-coverage", nb: "ukjent dekningsgrad «\(text)» i \(municipality)",
            en: "unknown coverage indicator «\(text)» in \(municipality)")
    }

    /// A coverage value in another unit than the indicator.
    public static func coverageUnit(_ text: String, _ expected: String) -> Self {
        .init(
            code: "coverage-unit", nb: "«\(text)» er oppgitt som \(expected); skriv den nye verdien på samme måte",
            en: "«\(text)» is given as \(expected); write the new value the same way")
    }

    /// A coverage indicator whose numerator is not a volume of the municipality.
    public static func coverageWithoutVolume(_ text: String) -> Self {
        .init(
            code: "coverage-without-volume",
            nb:
                "telleren i «\(text)» er ikke et volum i kommunen (et nasjonalt referansetall), så volumet kan ikke endres",
            en:
                "the numerator of «\(text)» is not a volume of the municipality (a national reference), so the volume cannot change"
        )
    }

    /// A year outside the period.
    public static func yearOutsidePeriod(_ year: Int, _ period: ClosedRange<Int>) -> Self {
        .init(
            code: "year-outside-period",
            nb: "året \(year) er utenfor perioden \(period.lowerBound)...\(period.upperBound)",
            en: "the year \(year) is outside the period \(period.lowerBound)...\(period.upperBound)")
    }

    /// A goal-seek whose revenue does not depend on the level (the lines that change have no volume).
    public static func levelDoesNotMatter(_ target: String) -> Self {
        .init(
            code: "level-does-not-matter",
            nb: "inntekten fra «\(target)» avhenger ikke av nivået (linjene som endres har ikke volum)",
            en: "the revenue from «\(target)» does not depend on the level (the lines that change have no volume)")
    }

    /// A value outside what the simulator accepts (amounts above 1 milliard kr, changes beyond −100 %…1 000 %).
    public static func outOfRange(_ what: String) -> Self {
        .init(
            code: "out-of-range", nb: "\(what) er utenfor det simulatoren godtar",
            en: "\(what) is outside what the simulator accepts")
    }

    /// An amount the run would compute lies beyond what Harmoni computes with (``Money/limit``).
    public static func amountTooLarge(_ line: String, _ municipality: MunicipalityID, _ year: Int) -> Self {
        let limit = NorwegianFormat.money(Money.limit)
        return .init(
            code: "amount-too-large",
            nb: "beløpet er for stort: \(line) i \(municipality.rawValue) gir i \(year) mer enn \(limit) (det største beløpet Harmoni regner med)",
            en: "the amount is too large: \(line) in \(municipality.rawValue) gives more than \(limit) in \(year) (the largest amount Harmoni computes with)")
    }

    /// A volume after growth and coverage decisions beyond what a volume can hold.
    public static func volumeTooLarge(_ line: String, _ municipality: MunicipalityID, _ year: Int) -> Self {
        let limit = NorwegianFormat.decimal(Volume.limit, grouping: true)
        return .init(
            code: "volume-too-large",
            nb: "volumet er for stort: \(line) i \(municipality.rawValue) vokser i \(year) til mer enn \(limit)",
            en: "the volume is too large: \(line) in \(municipality.rawValue) grows beyond \(limit) in \(year)")
    }

    /// Deflators that lift prices more than ``PriceIndex/largestFactor`` times.
    public static func priceIndexTooLarge(_ year: Int) -> Self {
        .init(
            code: "price-index-too-large",
            nb: "deflatorene løfter prisene mer enn \(PriceIndex.largestFactor) ganger fra grunnåret til \(year); beløpene blir for store",
            en: "the deflators lift prices more than \(PriceIndex.largestFactor) times from the baseline year to \(year); the amounts become too large")
    }

    /// True for the problems of size (an amount, a volume or the price index too large).
    public var isTooLarge: Bool {
        ["amount-too-large", "volume-too-large", "price-index-too-large"].contains(code)
    }
}
