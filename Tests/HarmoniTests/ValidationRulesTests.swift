import Foundation
import Testing

@testable import Harmoni

@Suite("Validation: every loader rule")
struct ValidationRulesTests {
    static let population = """
        population asker {
          date = DATE
          age_0 = 1
          age_1_5 = 1
          age_6_9 = 1
          age_10_15 = 1
          age_16_19 = 1
          age_20_66 = 1
          age_67_79 = 1
          age_80_plus = 1
          total = TOTAL
          status = published
          source = kilde
        }

        """

    static let cases: [ValidationCase] = [
        ValidationCase("unknown block kind", "1️⃣feee asker.sfo.x {\n}\n", ("unknown-block", "1️⃣")),
        ValidationCase("a statement that is not a block", "1️⃣let x = 1\n", ("unexpected-token", "1️⃣")),
        ValidationCase(
            "duplicate field", MiniDataset.fee(["  vat": "  vat = none\n  1️⃣vat = incl"]), ("duplicate-field", "1️⃣")),
        ValidationCase("missing field", "1️⃣" + MiniDataset.fee(["  vat": ""]), ("missing-field", "1️⃣")),
        ValidationCase("string where a symbol belongs", MiniDataset.fee(["  status": "  status = 1️⃣\"published\""]),
            ("wrong-value", "1️⃣")),
        ValidationCase("symbol outside the allowed ones", MiniDataset.fee(["  vat": "  vat = 1️⃣included"]), ("wrong-value", "1️⃣")),
        ValidationCase("fractional count", MiniDataset.fee(["  billed_months": "  billed_months = 1️⃣11,5"]), ("wrong-value", "1️⃣")),
        ValidationCase("count out of range", MiniDataset.fee(["  billed_months": "  billed_months = 1️⃣13"]), ("out-of-range", "1️⃣")),
        ValidationCase("text where a number belongs", MiniDataset.fee(["  value": "  value = 1️⃣\"mye\""]), ("wrong-value", "1️⃣")),
        ValidationCase("expression in a dataset", MiniDataset.fee(["  value": "  value = 1️⃣2 990 kr * 2"]), ("literal-only", "1️⃣")),
        ValidationCase("wildcard in a dataset", MiniDataset.fee(["  source": "  source = 1️⃣kilde.*"]), ("literal-only", "1️⃣")),
        ValidationCase("øre fractions", MiniDataset.fee(["  value": "  value = 1️⃣2,505 kr"]), ("too-many-decimals", "1️⃣")),
        ValidationCase("øre fractions in a monthly price", MiniDataset.fee(["  value": "  value = 1️⃣2,505 kr/mnd"]), ("too-many-decimals", "1️⃣")),
        ValidationCase(
            "more than four decimals in a price per m³", MiniDataset.fee(["  value": "  value = 1️⃣15,34401 kr/m3"]),
            ("too-many-decimals", "1️⃣")),
        ValidationCase(
            "thousands of kroner too large", MiniDataset.fee(["  value": "  value = 1️⃣999 999 999 999 999 999 tkr"]),
            ("number-too-large", "1️⃣")),
        ValidationCase("reversed validity", MiniDataset.fee(["  valid": "  valid = 1️⃣2019-07-31...2019-01-01"]), ("validity-reversed", "1️⃣")),
        ValidationCase("validity of amounts", MiniDataset.fee(["  valid": "  valid = 1️⃣1 kr...2 kr"]), ("wrong-value", "1️⃣")),
        ValidationCase("validity as text", MiniDataset.fee(["  valid": "  valid = 1️⃣\"2019\""]), ("wrong-value", "1️⃣")),
        ValidationCase(
            "overlapping validity",
            MiniDataset.fee([:]) + "\n" + "fee 1️⃣asker.sfo.plass {\n  value = 1 kr/mnd\n  vat = none\n  valid = 2019-07-01...\n  status = published\n  source = kilde\n}\n",
            ("validity-overlap", "1️⃣")),
        ValidationCase("id with too few parts", MiniDataset.fee([:], id: "1️⃣asker.plass"), ("id-shape", "1️⃣")),
        ValidationCase("unknown municipality", MiniDataset.fee([:], id: "1️⃣oslo.sfo.plass"), ("unknown-reference", "1️⃣")),
        ValidationCase("unknown service", MiniDataset.fee([:], id: "asker.1️⃣brann.plass"), ("unknown-reference", "1️⃣")),
        ValidationCase("unknown source", MiniDataset.fee(["  source": "  source = 1️⃣ukjent"]), ("unknown-reference", "1️⃣")),
        ValidationCase(
            "unknown area of a budget",
            "budget asker.1️⃣helse.x {\n  measure = netto\n  value = 1 tkr\n  status = published\n  source = kilde\n}\n",
            ("unknown-reference", "1️⃣")),
        ValidationCase(
            "unknown area of a service", "service brann {\n  name = \"Brann\"\n  area = 1️⃣helse\n}\n",
            ("unknown-reference", "1️⃣")),
        ValidationCase("symbol where text belongs", "area kultur {\n  name = 1️⃣Kultur\n}\n", ("wrong-value", "1️⃣")),
        ValidationCase(
            "flag that is neither yes nor no", "service brann {\n  name = \"Brann\"\n  area = oppvekst\n  selvkost = 1️⃣kanskje\n}\n",
            ("wrong-value", "1️⃣")),
        ValidationCase(
            "duplicate in another file", "municipality 1️⃣asker {\n  number = \"0220\"\n  name = \"Asker\"\n}\n",
            ("duplicate", "1️⃣")),
        ValidationCase(
            "baseline year out of range", "dataset annet {\n  baseline_year = 1️⃣1800\n}\n", ("out-of-range", "1️⃣")),
        ValidationCase(
            "population groups that do not sum",
            population.replacingOccurrences(of: "DATE", with: "2019-01-01").replacingOccurrences(of: "TOTAL", with: "1️⃣9"),
            ("population-sum", "1️⃣")),
        ValidationCase(
            "population date as text",
            population.replacingOccurrences(of: "DATE", with: "1️⃣\"2019\"").replacingOccurrences(of: "TOTAL", with: "8"),
            ("wrong-value", "1️⃣")),
        ValidationCase(
            "volume as text", "volume asker.sfo.x {\n  value = 1️⃣\"mange\"\n  status = published\n  source = kilde\n}\n",
            ("wrong-value", "1️⃣")),
        ValidationCase("missing block id shape", "missing 1️⃣asker {\n  note = \"x\"\n}\n", ("id-shape", "1️⃣")),
    ]

    @Test("Each rule gives its diagnostic at the value, field or id it concerns", arguments: cases)
    func rules(c: ValidationCase) {
        _ = expectValidation(c)
    }

    @Test("A repeated declaration in the same file notes where the first one is")
    func duplicateWithNote() throws {
        let c = ValidationCase(
            "duplicate source", "source 1️⃣s {\n  title = \"A\"\n}\n\nsource 2️⃣s {\n  title = \"B\"\n}\n", ("duplicate", "2️⃣"))
        let diagnostic = try #require(expectValidation(c).first)
        let source = MarkedSource(c.marked)
        #expect(diagnostic.notes.map(\.range.start) == [source["1️⃣"]])
        #expect(diagnostic.notes.first?.message.code == "previous-definition")
    }

    @Test("A value that cannot be read is one diagnostic, not also a missing field or source")
    func noCascade() {
        _ = expectValidation(
            ValidationCase(
                "unclosed parenthesis",
                MiniDataset.fee(["  value": "  value = (2 990 kr", "  billed_months": "  1️⃣billed_months = 11"]),
                ("unexpected-token", "1️⃣")))
        _ = expectValidation(
            ValidationCase("bad source line", MiniDataset.fee(["  source": "  source 1️⃣kilde"]), ("unexpected-token", "1️⃣")))
        _ = expectValidation(
            ValidationCase("bad method", MiniDataset.fee(["  status": "  status = derived", "  method": "  method = 1️⃣5"]),
                ("wrong-value", "1️⃣")))
    }

    @Test("The shipped datasets load without a single diagnostic")
    func shippedLoads() {
        let loaded = Fixtures.shipped
        let renderer = DiagnosticRenderer(language: .en)
        #expect(loaded.diagnostics.isEmpty, "\(renderer.render(loaded.diagnostics, files: loaded.files))")
        #expect(loaded.dataset.fees.count == 112)
        #expect(loaded.dataset.municipalities.map(\.id.rawValue).contains("hurum"))
    }
}

@Suite("Validation: files")
struct ValidationFileTests {
    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A missing file is a diagnostic naming it, in both languages")
    func missingFile() throws {
        let loaded = DatasetLoader.load(paths: ["/no/such/file.harmoni"])
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.message.code == "file-unreadable")
        #expect(diagnostic.message.nb == "kan ikke lese «/no/such/file.harmoni»: filen finnes ikke")
        #expect(diagnostic.message.en == "cannot read «/no/such/file.harmoni»: no such file")
    }

    @Test("Invalid UTF-8 is reported with the line and byte of the first bad byte")
    func invalidUTF8() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.harmoni").path
        try Data("# ok\nlet x = \"".utf8 + [0xFF, 0xFE] + Data("\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        let diagnostic = try #require(DatasetLoader.load(paths: [path]).diagnostics.first)
        #expect(diagnostic.message.code == "not-utf8")
        #expect(diagnostic.message.en == "«\(path)» is not valid UTF-8 (line 2, byte 15)")
        #expect(diagnostic.range.start == 14)
        #expect(FileAccess.firstInvalidUTF8(Array("abc".utf8)) == nil)
        #expect(FileAccess.firstInvalidUTF8([0x61, 0xC3]) == 1)
        #expect(FileAccess.firstInvalidUTF8(Array("ø".utf8) + [0xED, 0xA0, 0x80]) == 2)
    }

    @Test("A byte-order mark at the start of a file is dropped")
    func byteOrderMark() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bom.harmoni").path
        try Data([0xEF, 0xBB, 0xBF] + Array("let x = 1\n".utf8)).write(to: URL(fileURLWithPath: path))
        let file = try FileAccess.readSource(path).get()
        #expect(file.text == "let x = 1\n")
    }

    @Test("Naming a file twice reads it once instead of crashing")
    func fileTwice() {
        let path = Fixtures.datasetsFolder + "/kilder.harmoni"
        let loaded = DatasetLoader.load(paths: [path, path, Fixtures.datasetsFolder])
        #expect(loaded.files.count == shippedFileNames.count)
        #expect(loaded.diagnostics.isEmpty)
    }
}
