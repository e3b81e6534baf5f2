import Foundation
import Testing

@testable import Harmoni

/// The data round trip: export the data request, fill it in, import it as own figures.
@Suite("Data request: export, fill, import", .enabled(if: SharedData.isPresent, "../shared/data is not on this machine"))
struct DataRequestTests {
    static func temporaryFolder() -> String {
        let path = (WritePolicy.realPath(FileManager.default.temporaryDirectory.path) ?? "/tmp") + "/harmoni-dr-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Fills `reelt_tall`, `kilde` (and `betalte_mnd`) of the rows whose type and id are given.
    static func fill(_ text: String, _ values: [String: (value: String, source: String, months: String?)]) -> String {
        var lines: [String] = []
        var header: [String] = []
        for line in text.components(separatedBy: "\n") {
            var fields = line.components(separatedBy: ";")
            // The CSV header shows the headings («Reelt tall»); the import reads them as keys.
            let keys = fields.map { DataRequest.columnKey($0.replacingOccurrences(of: "\u{FEFF}", with: "")) }
            if keys.contains("reelt_tall") { header = keys }
            if let t = header.firstIndex(of: "type"), let i = header.firstIndex(of: "id"), fields.count == header.count,
                let fill = values[fields[t] + " " + fields[i]], let v = header.firstIndex(of: "reelt_tall"),
                let k = header.firstIndex(of: "kilde"), let m = header.firstIndex(of: "betalte_mnd")
            {
                fields[v] = fill.value
                fields[k] = fill.source
                if let months = fill.months { fields[m] = months }
            }
            lines.append(fields.joined(separator: ";"))
        }
        return lines.joined(separator: "\n")
    }

    static let testValues: [String: (value: String, source: String, months: String?)] = [
        "gebyr kristiansand.sfo.plass_5d": ("2 900", "Testverdi i testen", "11"),
        "gebyr songdalen.sfo.plass_5d": ("2700,50", "Testverdi i testen", "11"),
        "gebyr sogne.sfo.plass_5d": ("2 650 kr/mnd", "Testverdi i testen", "11"),
        "volum kristiansand.sfo.plass_5d": ("100", "Testverdi i testen", nil),
        "volum songdalen.sfo.plass_5d": ("100", "Testverdi i testen", nil),
        "volum sogne.sfo.plass_5d": ("100", "Testverdi i testen", nil),
        "budsjett sogne.oppvekst.sum_netto_driftsutgifter": ("531 479", "Testverdi i testen", nil),
    ]

    @Test("Scaffold nye Kristiansand → export datarequest → fill → import → show diff sfo and a harmonisation give the hand-computed numbers")
    func endToEnd() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scaffold = try MergerScaffold.make("4204", datasetsFolder: Fixtures.datasetsFolder).get()
        let datasets = folder + "/nye-kristiansand"
        try #require(throws: Never.self) { try scaffold.write(to: datasets, force: false).get() }
        let (loaded, load) = Session.load(datasetPaths: [datasets])
        let session = try #require(loaded, "\(load.diagnostics.prefix(2))")
        session.workingDirectory = folder
        let exported = Fixtures.run("export datarequest to \"dr.csv\"", in: session)
        #expect(exported.errors.isEmpty, "\(exported.errors)")
        let text = try String(contentsOfFile: folder + "/dr.csv", encoding: .utf8)
        // One section per old municipality; every figure is «mangler».
        #expect(text.components(separatedBy: "Dataforespørsel: ").count == 4)
        #expect(text.contains("kristiansand;gebyr;kristiansand.sfo.plass_5d;"))
        try Self.fill(text, Self.testValues).write(toFile: folder + "/filled.csv", atomically: true, encoding: .utf8)

        let imported = Fixtures.run("baseline import \"filled.csv\"", in: session)
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        #expect(imported.output.contains("Importerte 7 egne tall"))
        let sfo = try #require(session.state.dataset.fee("songdalen", FeeKey("sfo", "plass_5d"), on: .endOf(year: 2019)))
        #expect(sfo.amount == Money(ore: 270_050) && sfo.provenance.status == .own && sfo.billedMonths == 11)
        #expect(session.state.dataset.missingFigures("songdalen").allSatisfy { $0.figure.path != ["sfo", "plass_5d"] })

        // Per year incl. mva: 2 900 × 11 = 31 900; 2 700,50 × 11 = 29 705,50; 2 650 × 11 = 29 150;
        // spread 2 750 kr = 9,4 % of 29 150; weighted (equal volumes) = 90 755,50 / 3 = 30 251,83.
        let diff = Fixtures.run("show diff sfo", in: session).output
        for expected in ["31 900 kr", "29 705,50 kr", "29 150 kr", "2 750 kr", "9,4 %", "30 251,83 kr"] {
            #expect(diff.contains(expected), "show diff sfo lacks \(expected)")
        }
        // To lowest in fixed 2020 kroner (deflator 3,1 %): Søgne 2 650 × 1,031 = 2 732,15 → 2 732 × 11 = 30 052;
        // Kristiansand 2 900 × 1,031 = 2 989,9 → 2 990 × 11 = 32 890 → −2 838 × 100 = −283 800;
        // Songdalen 2 700,50 × 1,031 = 2 784,2155 → 2 784,22 × 11 = 30 626,42 → −574,42 × 100 = −57 442;
        // sum −341 242 kr a year.
        let impact = Fixtures.run("harmonise sfo.plass_5d to lowest\nshow impact", in: session)
        #expect(impact.errors.isEmpty, "\(impact.errors)")
        for expected in ["-283 800 kr", "-57 442 kr", "-341 242 kr", "30 052 kr"] {
            #expect(impact.output.contains(expected), "show impact lacks \(expected)")
        }
        // save writes the import as the same baseline statements.
        let saved = Fixtures.run("save \"s.harmoni\"", in: session)
        #expect(saved.errors.isEmpty, "\(saved.errors)")
        let scenario = try String(contentsOfFile: folder + "/s.harmoni", encoding: .utf8)
        #expect(scenario.contains("baseline songdalen.sfo.plass_5d = 2 700,50 kr/mnd billed 11 source \"Testverdi i testen\""))
        #expect(scenario.contains("baseline budget sogne.oppvekst.sum_netto_driftsutgifter = 531 479 tkr source \"Testverdi i testen\""))
    }

    @Test("An import equals the same baseline statements, on the shipped nye Asker dataset")
    func importEqualsStatements() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let viaImport = Fixtures.session()
        viaImport.workingDirectory = folder
        #expect(Fixtures.run("export datarequest to \"dr.csv\"", in: viaImport).errors.isEmpty)
        let text = try String(contentsOfFile: folder + "/dr.csv", encoding: .utf8)
        #expect(text.contains("hurum;gebyr;hurum.sfo.plass_5d;"))
        #expect(text.contains("asker;budsjett;asker.helse.sum_netto_driftsutgifter;"))
        let values: [String: (value: String, source: String, months: String?)] = [
            "gebyr hurum.sfo.plass_5d": ("2 700", "Hurum, test", nil),
            "regel royken.sfo.soskenmoderasjon.any_child": ("25", "Røyken, test", nil),
            "budsjett asker.helse.sum_netto_driftsutgifter": ("1 200 000", "Asker, test", nil),
        ]
        try Self.fill(text, values).write(toFile: folder + "/filled.csv", atomically: true, encoding: .utf8)
        let result = Fixtures.run("baseline import \"filled.csv\"", in: viaImport)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let statements = Fixtures.session()
        let lines = viaImport.state.baselineCorrections.joined(separator: "\n")
        #expect(viaImport.state.baselineCorrections.count == 3)
        let ran = Fixtures.run(lines, in: statements)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        #expect(statements.state.dataset == viaImport.state.dataset)
        #expect(viaImport.state.dataset.fee("hurum", FeeKey("sfo", "plass_5d"), on: .endOf(year: 2019))?.provenance.status == .own)
    }

    @Test("Every bad row is reported at file:row:column with its reason, and nothing is imported")
    func badRows() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = """
            \u{FEFF}Dataforespørsel: Hurum
            kommune;type;id;beskrivelse;anslag;enhet;periode;metode;betalte_mnd;reelt_tall;kilde;kommentar
            hurum;gebyr;hurum.sfo.plass_5d;x;2 568;kr/mnd;2019;m;;2 700;Hurum;
            hurum;gebyr;hurum.sfo.finnes_ikke;x;;kr/mnd;2019;m;;100;Hurum;
            hurum;gebyr;hurum.sfo.plass_4d;x;;kr/år;2019;m;;100;Hurum;
            hurum;volum;hurum.sfo.plass_5d;x;;;2019;m;;mange;Hurum;
            hurum;gebyr;hurum.sfo.plass_3d;x;;kr/mnd;2019;m;;1 500;;
            hurum;gebyr;hurum.sfo.plass_3d;x;;kr/mnd;2019;m;;;;ikke fylt ut
            """
        try csv.write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        let session = Fixtures.session()
        session.workingDirectory = folder
        let before = session.state.dataset
        let result = Fixtures.run("baseline import \"bad.csv\"", in: session)
        for expected in [
            "bad.csv:4:3: ukjent id «hurum.sfo.finnes_ikke»", "bad.csv:5:6: feil enhet «kr/år»", "bad.csv:6:10: «mange» er ikke et tall",
            "bad.csv:7:11: tallet mangler kilde", "4 feil i «bad.csv»; ingenting er importert",
        ] {
            #expect(result.errors.contains(expected), "missing «\(expected)» in \(result.errors)")
        }
        #expect(session.state.dataset == before)
        #expect(session.state.baselineCorrections.isEmpty)
    }
}
