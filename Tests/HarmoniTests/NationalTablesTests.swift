import Foundation
import Testing

@testable import Harmoni

/// `datasets/norge/` (population of every municipality, the 2020 reform) against the two TSV
/// files it is generated from, row by row; and nye Asker's merger in the shipped dataset.
@Suite("National tables: population-norway.tsv and municipal-reform-2020.tsv", .enabled(if: SharedData.isPresent, "../shared/data is not on this machine"))
struct NationalTablesTests {
    static let norge = DatasetLoader.load(paths: [Fixtures.root.appendingPathComponent("datasets/norge").path])

    @Test("datasets/norge loads without a diagnostic")
    func loads() {
        #expect(Self.norge.diagnostics.isEmpty, "\(Self.norge.diagnostics.prefix(3))")
    }

    @Test("Every row of population-norway.tsv is a population with the same date, groups, total, status, method and source")
    func everyPopulationRow() throws {
        let rows = try SharedData.rows("population-norway.tsv")
        let dataset = Self.norge.dataset
        #expect(dataset.populations.count == rows.count)
        for (line, row) in rows {
            let place = "population-norway.tsv:\(line)"
            let date = try #require(CalendarDate(iso: row["date"] ?? ""), "\(place): date")
            let id = NationalTables.codeID(year: date.year, code: row["municipality"] ?? "")
            let population = try #require(dataset.population(id, on: date), "\(place): no population \(id)")
            #expect(dataset.municipality(id)?.name == row["municipality_name"], "\(place): name")
            #expect(dataset.municipality(id)?.number == row["municipality"], "\(place): number")
            #expect(population.total == Int64(row["total"] ?? ""), "\(place): total")
            for (column, value) in row where column.hasPrefix("age_") {
                let group = column.replacingOccurrences(of: "+", with: "_plus").replacingOccurrences(of: "-", with: "_")
                #expect(population.count(group) == Int64(value), "\(place): \(column)")
            }
            SharedData.expectProvenance(population.provenance, row, place, dataset)
        }
    }

    @Test("Every row of municipal-reform-2020.tsv is a merger part with the same share, status, method and source")
    func everyReformRow() throws {
        let rows = try SharedData.rows("municipal-reform-2020.tsv")
        let dataset = Self.norge.dataset
        #expect(dataset.mergers.count == rows.count)
        for (line, row) in rows {
            let place = "municipal-reform-2020.tsv:\(line)"
            let into = NationalTables.codeID(year: 2020, code: row["municipality_2020"] ?? "")
            let from = NationalTables.codeID(year: 2019, code: row["municipality_2019"] ?? "")
            let part = try #require(dataset.mergers.first { $0.into == into && $0.from == from }, "\(place): no merger part")
            #expect(part.share == SharedData.decimal(row["share"] ?? ""), "\(place): share")
            #expect(dataset.municipality(from)?.name == row["name_2019"], "\(place): old name")
            #expect(dataset.municipality(into)?.name == row["name_2020"], "\(place): new name")
            var expected = row
            expected["valid_from"] = "2020-01-01"
            SharedData.expectProvenance(part.provenance, expected, place, dataset)
        }
    }

    @Test("The shipped dataset's merger is nye Asker of Asker, Røyken and Hurum, in kommunenummer order")
    func shippedMerger() {
        let dataset = Fixtures.dataset
        #expect(dataset.newMunicipality == "nye_asker")
        #expect(dataset.mergingMunicipalities == ["asker", "royken", "hurum"])
        #expect(dataset.mergers.allSatisfy { $0.share == DecimalNumber(1) && $0.provenance.status == .published })
    }
}
