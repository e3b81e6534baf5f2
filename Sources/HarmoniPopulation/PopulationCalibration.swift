import HarmoniModel
import HarmoniReport

/// One marginal of the calibration: what the dataset says, what the population has.
public struct CalibrationRow: Sendable, Hashable {
    /// The old municipality.
    public var municipality: MunicipalityID
    /// The marginal (`husholdninger`, `alder 1-2`, `barnehage.full_plass_5d`, `medianinntekt 20+`).
    public var marginal: String
    /// The dataset's figure, if it has one.
    public var target: Int64?
    /// The population's figure.
    public var achieved: Int64
    /// The status of the target (the weakest of target and population for the row).
    public var status: Status
}

/// The calibration table: every marginal the synthesis matches, target against achieved.
public enum PopulationCalibration {
    /// Rows per municipality: households, persons per age band, users per fee line, kulturskole,
    /// praktisk bistand, trygghetsalarm, median personal income (synthetic only), water m³.
    public static func rows(_ population: HouseholdPopulation, _ dataset: Dataset, year: Int = 2019) -> [CalibrationRow] {
        let assumptions = try? SynthesisAssumptions.read(dataset).get()
        var rows: [CalibrationRow] = []
        for municipality in dataset.mergingMunicipalities {
            guard let targets = try? SynthesisTargets.read(dataset, municipality, year: year).get() else { continue }
            let indices = population.indices(in: municipality)
            let persons = indices.flatMap { population.persons(of: $0) }
            func volumeStatus(_ service: ServiceID, _ line: LineID) -> Status {
                max(population.status, dataset.volumes(municipality, FeeKey(service, line)).first?.provenance.status ?? .estimated)
            }
            func add(_ marginal: String, _ target: Int64?, _ achieved: Int, _ status: Status) {
                rows.append(CalibrationRow(municipality: municipality, marginal: marginal, target: target, achieved: Int64(achieved), status: status))
            }
            let block = CalendarDate(year: year, month: 1, day: 1).flatMap { dataset.population(municipality, on: $0) }
            let ageStatus = max(population.status, block?.provenance.status ?? .estimated)
            add("husholdninger", targets.households, indices.count, max(population.status, targets.householdStatus))
            if let point = dataset.incomePoints(municipality.rawValue).first(where: { $0.measure == "privathusholdninger" }) {
                add("husholdninger (inntekt.harmoni)", point.value.quantity?.number.wholeValue, indices.count, max(population.status, point.provenance.status))
            }
            add("personer", block?.total, persons.count, ageStatus)
            for band in targets.ages {
                let label = band.low == band.high ? "alder \(band.low)" : band.high >= 100 ? "alder \(band.low)+" : "alder \(band.low)-\(band.high)"
                add(label, band.persons, persons.filter { (band.low...band.high).contains($0.age) }.count, ageStatus)
            }
            for (line, places) in targets.barnehage {
                add("barnehage.\(line)", places, persons.filter { $0.barnehage == line }.count, volumeStatus("barnehage", line))
            }
            for (line, places) in targets.sfo {
                add("sfo.\(line)", places, persons.filter { $0.sfo == line }.count, volumeStatus("sfo", line))
            }
            add("kulturskole.ordinaer_undervisning", targets.kulturskole, persons.filter { $0.kulturskoleSubjects > 0 }.count,
                volumeStatus("kulturskole", "ordinaer_undervisning"))
            add("praktisk_bistand.mottakere", targets.praktiskBistand, persons.filter { $0.praktiskBistandHoursPerMonth > 0 }.count,
                volumeStatus("praktisk_bistand", "mottakere"))
            add("trygghetsalarm.abonnement", targets.trygghetsalarm, persons.filter { $0.trygghetsalarm }.count,
                volumeStatus("trygghetsalarm", "abonnement"))
            if let median = population.personIncomeMedians[municipality] {
                let target = assumptions?.medianIncome[municipality].map { $0.ore / 100 }
                let status = assumptions?.medianStatus[municipality] ?? .estimated
                add("medianinntekt 20+ (kr, 2018)", target, Int(median), max(population.status, status))
            }
            let water = dataset.volumes(municipality, FeeKey("vann", "forbruk_m3")).first
            let used = indices.reduce(Int64(0)) { $0 + population.households[$1].waterCubicMetres }
            add("vann.forbruk_m3", water?.value.wholeValue, Int(used), max(population.status, water?.provenance.status ?? .estimated))
        }
        return rows
    }

    /// The table (kind `calibration`): target, achieved, difference, status.
    public static func table(_ rows: [CalibrationRow], names: [MunicipalityID: String], notes: [String], language: DisplayLanguageTag) -> Table {
        let en = language == .en
        let columns = [
            Column("municipality", en ? "Old municipality" : "Gammel kommune"), Column("marginal", en ? "Marginal" : "Marginal"),
            Column("target", en ? "Dataset" : "Datasettet", .right), Column("achieved", en ? "Population" : "Befolkningen", .right),
            Column("difference", en ? "Difference" : "Avvik", .right), Column("status", "Status"),
        ]
        let cells = rows.map { row -> [Cell] in
            [
                .text(names[row.municipality] ?? row.municipality.rawValue), .text(row.marginal),
                row.target.map { .number(DecimalNumber($0)) } ?? .missing(), .number(DecimalNumber(row.achieved)),
                row.target.map { .number(DecimalNumber(row.achieved - $0)) } ?? .empty, .text(row.status.rawValue),
            ]
        }
        return Table(
            kind: "calibration", title: en ? "Calibration of the population" : "Kalibrering av befolkningen", columns: columns,
            rows: cells, notes: notes)
    }
}
