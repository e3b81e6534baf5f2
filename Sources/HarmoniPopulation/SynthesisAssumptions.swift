import HarmoniModel

/// The parameters of the synthetic population, read from the dataset's `befolkning` parameters
/// (datasets/befolkning-antakelser.harmoni): each an assumption or calibration point with status,
/// method and source. Nothing here is a constant of the code.
public struct SynthesisAssumptions: Sendable, Hashable {
    /// Median personal gross income of adults (kr/år, income year 2018) per old municipality.
    public var medianIncome: [MunicipalityID: Money]
    /// The status of each median (published for a calibration point, estimated for an assumption).
    public var medianStatus: [MunicipalityID: Status]
    /// Growth that lifts 2018 incomes to the baseline year.
    public var incomeGrowth: Rate
    /// Shape σ of the log-normal income distribution (ppm of 1).
    public var sigma: Rate
    /// Median income of persons 67+ relative to the adults' median.
    public var pensionerShare: Rate
    /// Shares of families with 1, 2, 3 and 4 children.
    public var familySizeShares: [Rate]
    /// Share of families with one adult.
    public var singleParentShare: Rate
    /// Share of persons 67+ living alone.
    public var elderlyAloneShare: Rate
    /// Persons per household where the dataset has no household count.
    public var personsPerHousehold: Rate
    /// Dwelling of every synthetic household: BRA m², water m³/år, bin litres, chimneys.
    public var dwelling: (squareMetres: Int64, water: Int64, binLitres: Int64, chimneys: Int64)
    /// Hours of praktisk bistand a month per recipient.
    public var praktiskBistandHours: Int64
    /// Kulturskole subjects per pupil.
    public var kulturskoleSubjects: Int64
    /// The parameter rows read, by line (for the calibration table and notes).
    public var rows: [String: Parameter]

    /// The parameter name the assumptions are stored under.
    public static let parameter = "befolkning"
    /// The measure of the income calibration points used (`income-2018.tsv`).
    public static let medianMeasure = "medianinntekt_personer_17_pluss"

    public static func == (a: Self, b: Self) -> Bool { a.rows == b.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(rows.count) }

    /// Reads the assumptions; fails with the names of the parameters missing or not numbers.
    public static func read(_ dataset: Dataset) -> Result<SynthesisAssumptions, MissingAssumptions> {
        var rows: [String: Parameter] = [:]
        for row in dataset.parameters(parameter) where row.useInModel { rows[row.line] = row }
        var missing: [String] = []
        func number(_ line: String) -> DecimalNumber? {
            guard let number = rows[line]?.value.quantity?.number else {
                missing.append("\(parameter).\(line)")
                return nil
            }
            return number
        }
        func ratio(_ line: String) -> Rate { number(line)?.asRatio ?? .zero }
        func percent(_ line: String) -> Rate { number(line)?.asPercentRate ?? .zero }
        func whole(_ line: String) -> Int64 { number(line)?.wholeValue ?? 0 }
        func money(_ line: String) -> Money {
            guard let quantity = rows[line]?.value.quantity, let money = quantity.money else {
                missing.append("\(parameter).\(line)")
                return .zero
            }
            return money
        }
        var medians: [MunicipalityID: Money] = [:]
        var medianStatus: [MunicipalityID: Status] = [:]
        for municipality in dataset.mergingMunicipalities {
            // A published calibration point (inntekt.harmoni) wins over the assumption.
            if let point = dataset.incomePoints(municipality.rawValue).first(where: { $0.measure == medianMeasure }),
                let money = point.value.quantity?.money
            {
                medians[municipality] = money
                medianStatus[municipality] = point.provenance.status
            } else {
                medians[municipality] = money("inntekt_median_\(municipality.rawValue)")
                medianStatus[municipality] = rows["inntekt_median_\(municipality.rawValue)"]?.provenance.status ?? .estimated
            }
        }
        let assumptions = SynthesisAssumptions(
            medianIncome: medians, medianStatus: medianStatus, incomeGrowth: percent("inntekt_vekst_2018_2019"), sigma: ratio("inntekt_sigma"),
            pensionerShare: percent("inntekt_pensjonist_andel"),
            familySizeShares: (1...4).map { percent("familie_\($0)_barn") },
            singleParentShare: percent("enslig_forsorger_andel"), elderlyAloneShare: percent("eldre_alene_andel"),
            personsPerHousehold: ratio("personer_per_husholdning"),
            dwelling: (whole("bolig_bra_m2"), whole("bolig_vann_m3"), whole("bolig_beholder_liter"), whole("bolig_pipelop")),
            praktiskBistandHours: whole("praktisk_bistand_timer"), kulturskoleSubjects: whole("kulturskole_fag"), rows: rows)
        guard missing.isEmpty else { return .failure(MissingAssumptions(names: missing)) }
        return .success(assumptions)
    }

    /// The weakest status of the assumptions.
    public var status: Status { rows.values.map(\.provenance.status).max() ?? .estimated }
}

/// Parameters the synthesis needs but the dataset lacks.
public struct MissingAssumptions: Error, Sendable, Hashable {
    /// `befolkning.inntekt_sigma`, …
    public var names: [String]
}
