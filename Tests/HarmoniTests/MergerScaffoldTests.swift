import Foundation
import Testing

@testable import Harmoni

/// `harmoni new merger`: every merger of 2020 scaffolds into a dataset that loads cleanly, with
/// the old municipalities and their 2019 population exactly as in the national tables.
@Suite("Merger scaffolds: all 44 mergers of 2020", .enabled(if: SharedData.isPresent, "../shared/data is not on this machine"))
struct MergerScaffoldTests {
    static let tables: NationalTables? = NationalTables.load(datasetsFolder: Fixtures.datasetsFolder).tables
    static let templateFiles = MergerScaffold.TemplateFiles.read(Fixtures.datasetsFolder)

    /// The 2020 numbers of the mergers, from the reform TSV (new municipalities with more than one part).
    static let mergerNumbers: [String] = {
        guard let rows = try? SharedData.rows("municipal-reform-2020.tsv") else { return [] }
        var counts: [String: Int] = [:]
        for (_, row) in rows { counts[row["municipality_2020"] ?? "", default: 0] += 1 }
        return counts.filter { $0.value > 1 }.map(\.key).sorted()
    }()

    /// Loads a scaffold's files from memory (parse and validate, as `harmoni check` does).
    static func load(_ scaffold: MergerScaffold) -> (Dataset, [Diagnostic]) {
        var parsed: [(file: SourceFile, unit: SourceUnit)] = []
        var diagnostics: [Diagnostic] = []
        for file in scaffold.files.sorted(by: { $0.name < $1.name }) {
            let source = SourceFile(name: file.name, text: file.text)
            let (unit, parse) = Parser.parse(source)
            diagnostics += parse
            parsed.append((source, unit))
        }
        let (dataset, validation) = DatasetLoader.load(parsed)
        return (dataset, diagnostics + validation)
    }

    @Test("The reform table has 44 mergers and the national tables find each of them")
    func fortyFour() throws {
        let tables = try #require(Self.tables)
        #expect(Self.mergerNumbers.count == 44)
        #expect(tables.mergers.map(\.new.number) == Self.mergerNumbers)
    }

    @Test("Scaffold → check passes → old municipalities and their 2019 population equal the tables", arguments: mergerNumbers)
    func scaffold(number: String) throws {
        let tables = try #require(Self.tables)
        let files = try #require(Self.templateFiles)
        let merger = try tables.merger(number).get()
        let scaffold = MergerScaffold(merger: merger, tables: tables, template: Fixtures.dataset, templateFiles: files)
        let (dataset, diagnostics) = Self.load(scaffold)
        #expect(diagnostics.isEmpty, "\(number): \(diagnostics.prefix(3).map { "\($0.fileName): \($0.message.nb)" })")
        let rows = try SharedData.rows("municipal-reform-2020.tsv").map(\.fields).filter { $0["municipality_2020"] == number }
        let population = try SharedData.rows("population-norway.tsv").map(\.fields).filter { $0["date"] == "2019-01-01" }
        #expect(dataset.mergingMunicipalities.count == rows.count)
        #expect(dataset.newMunicipality == scaffold.newID)
        var total: Int64 = 0
        for (index, row) in rows.enumerated() {
            let id = dataset.mergingMunicipalities[index]
            #expect(dataset.municipality(id)?.number == row["municipality_2019"])
            let expected = try #require(population.first { $0["municipality"] == row["municipality_2019"] }?["total"].flatMap { Int64($0) })
            let loaded = try #require(dataset.population(id, on: .startOf(year: 2019)))
            #expect(loaded.total == expected, "\(number) \(id)")
            #expect(dataset.mergerPart(id)?.share == SharedData.decimal(row["share"] ?? ""))
            #expect((dataset.mergerPart(id)?.provenance.status == .estimated) == (row["status"] == "estimated"))
            total += loaded.total
        }
        let expectedTotal = try rows.reduce(Int64(0)) { sum, row in
            sum + (try #require(population.first { $0["municipality"] == row["municipality_2019"] }?["total"].flatMap { Int64($0) }))
        }
        #expect(total == expectedTotal)
        // Nothing local is filled in: no fee, volume or local budget; every figure is missing, never 0.
        #expect(dataset.fees.isEmpty && dataset.volumes.isEmpty && dataset.budgets.isEmpty)
        #expect(dataset.missing.count == scaffold.missingCount)
        // National rules bind every municipality and are filled in.
        #expect(!dataset.rules(.national, "barnehage").isEmpty)
        #expect(dataset.grunnbelop(on: .endOf(year: 2019)) != nil)
    }

    @Test("Refusals: an unknown number, a municipality that did not merge, an old number, an existing folder")
    func refusals() throws {
        let tables = try #require(Self.tables)
        #expect(throws: NationalTables.LookupError.unknown("9999")) { try tables.merger("9999").get() }
        let halden = tables.merger("3001")
        guard case .failure(.notMerged(let number, _, let from)) = halden else {
            Issue.record("3001 Halden: \(halden)")
            return
        }
        #expect(number == "3001" && from == "0101")
        guard case .failure(.oldNumber(_, _, let into, _)) = tables.merger("0220") else {
            Issue.record("0220 is Asker's old number")
            return
        }
        #expect(into == "3025")
        #expect((try? tables.merger("nye Kristiansand").get())?.new.number == "4204")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-merger-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = ["HARMONI_DATASETS": Fixtures.datasetsFolder]
        let first = CLI.run(["new", "merger", "4204", "--output", folder], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        // What the user reads names the municipalities, never the scaffold's ids, and the next
        // steps are Norwegian statements that the REPL accepts.
        #expect(first.stdout.contains("Skrev stillas for Kristiansand (Kristiansand, Songdalen, Søgne)"), "\(first.stdout)")
        #expect(!first.stdout.contains("nye_kristiansand") && !first.stdout.contains("export datarequest"))
        #expect(first.stdout.contains("eksporter dataforespørsel til"))
        #expect(CLI.run(["check", folder], environment: env).status == 0)
        let again = CLI.run(["new", "merger", "4204", "--output", folder], environment: env)
        #expect(again.status == 1)
        #expect(again.stderr.contains("finnes allerede"))
        #expect(CLI.run(["new", "merger", "4204", "--output", folder, "--force"], environment: env).status == 0)
        let unknown = CLI.run(["new", "merger", "9999", "--output", folder + "-x"], environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("ukjent kommune «9999»"))
        #expect(!FileManager.default.fileExists(atPath: folder + "-x"))
        let notMerged = CLI.run(["new", "merger", "3001", "--output", folder + "-y"], environment: env)
        #expect(notMerged.status == 1 && notMerged.stderr.contains("ble ikke slått sammen"))
    }
}

@Suite("Shipped example scaffolds")
struct ExampleScaffoldTests {
    @Test("datasets/examples/nye-kristiansand and nye-drammen load cleanly, are marked as scaffolds, and lack every local figure", arguments: [
        ("nye-kristiansand", ["kristiansand", "songdalen", "sogne"]), ("nye-drammen", ["drammen", "nedre_eiker", "svelvik"]),
    ])
    func example(folder: String, olds: [String]) throws {
        let path = Fixtures.root.appendingPathComponent("datasets/examples/" + folder).path
        let loaded = DatasetLoader.load(paths: [path])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(2))")
        #expect(loaded.dataset.mergingMunicipalities.map(\.rawValue) == olds)
        #expect(loaded.dataset.fees.isEmpty && loaded.dataset.volumes.isEmpty && loaded.dataset.budgets.isEmpty)
        for id in loaded.dataset.mergingMunicipalities { #expect(!loaded.dataset.missingFigures(id).isEmpty) }
        let text = try String(contentsOfFile: path + "/sammenslaing.harmoni", encoding: .utf8)
        #expect(text.hasPrefix("# STILLAS (scaffold)"))
    }
}
