import Foundation
import Testing

@testable import Harmoni

/// The curated TSV files the datasets are generated from, next to the repository
/// (`../shared/data`), when this machine has them.
enum SharedData {
    static let folder = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("fees-2019.tsv").path)
    }

    /// The rows of a TSV file as dictionaries by header, with their line numbers.
    static func rows(_ name: String) throws -> [(line: Int, fields: [String: String])] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let header = try #require(lines.first).components(separatedBy: "\t")
        return try lines.dropFirst().enumerated().map { i, line in
            let fields = line.components(separatedBy: "\t")
            try #require(fields.count == header.count, "\(name):\(i + 2): \(fields.count) fields")
            return (i + 2, Dictionary(uniqueKeysWithValues: zip(header, fields)))
        }
    }

    static let municipalityIDs = ["0000": "nasjonal", "0220": "asker", "0627": "royken", "0628": "hurum", "3025": "nye_asker"]
    static let statuses: [String: Status] = [
        "published": .published, "derived": .derived, "carried-forward": .carriedForward, "estimated": .estimated,
    ]

    /// A TSV decimal (`1408.43`, `-1200`) as an exact ``DecimalNumber``, or `nil` if it is not one.
    static func decimal(_ text: String) -> DecimalNumber? {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let significand = Int64(parts.joined())
        else { return nil }
        return DecimalNumber(significand: negative ? -significand : significand, scale: parts.count == 2 ? parts[1].count : 0)
    }

    /// The identifier generate.py makes of a TSV id part (`80+` → `_80_plus`).
    static func idPart(_ raw: String) -> String {
        func isIdentifierCharacter(_ c: Character) -> Bool { (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" || "æøåÆØÅ".contains(c) }
        if let first = raw.first, !first.isNumber, raw.allSatisfy(isIdentifierCharacter) { return raw }
        var out = ""
        for c in raw.replacingOccurrences(of: "+", with: "_plus") {
            let mapped: Character = isIdentifierCharacter(c) ? c : "_"
            if mapped == "_", out.last == "_" { continue }
            out.append(mapped)
        }
        if out.first.map({ $0.isNumber }) ?? true { out = "_" + out }
        return out
    }

    /// The value and printed unit generate.py writes for a TSV (value, unit) pair.
    static func value(_ raw: String, unit: String) -> (value: Value, printedUnit: String?)? {
        if unit == "text" { return (.text(raw), nil) }
        if unit == "flag" {
            if idPart(raw) == raw { return (.symbol(raw), nil) }
            return (.text(raw), "flag")
        }
        guard let number = decimal(raw) else { return nil }
        if let suffix = Unit(rawValue: unit) { return (.quantity(Quantity(number, suffix)), nil) }
        if unit == "1000 kr" { return (.quantity(Quantity(number, .thousandKroner)), nil) }
        if unit.hasPrefix("1000 kr ") { return (.quantity(Quantity(number, .thousandKroner)), unit) }
        if unit.hasPrefix("% ") { return (.quantity(Quantity(number, .percent)), unit) }
        if unit.hasPrefix("kr per ") { return (.quantity(Quantity(number, .kroner)), unit) }
        return (.quantity(Quantity(number)), unit)
    }

    /// The validity of a row's `valid_from` / `valid_to`.
    static func validity(_ row: [String: String]) -> Validity {
        Validity(from: row["valid_from"].flatMap(CalendarDate.init(iso:)), to: row["valid_to"].flatMap(CalendarDate.init(iso:)))
    }

    /// Checks the provenance of a loaded value against its row.
    static func expectProvenance(_ provenance: Provenance, _ row: [String: String], _ place: String, _ dataset: Dataset) {
        #expect(provenance.status == statuses[row["status"] ?? ""], "\(place): status")
        #expect(provenance.method == row["method"], "\(place): method")
        #expect(provenance.note == ((row["note"] ?? "").isEmpty ? nil : row["note"]), "\(place): note")
        #expect(provenance.validity == validity(row), "\(place): validity")
        let source = provenance.source.flatMap(dataset.source)
        #expect(source?.title == row["source_title"], "\(place): source title")
        #expect(source?.url == ((row["source_url"] ?? "").isEmpty ? nil : row["source_url"]), "\(place): source url")
    }
}

@Suite("Dataset fidelity to shared/data", .enabled(if: SharedData.isPresent, "../shared/data is not on this machine"))
struct DatasetFidelityTests {
    @Test("Every row of fees-2019.tsv is a fee with the same exact amount, unit, months, mva, status and method")
    func fees() throws {
        let dataset = Fixtures.dataset
        let rows = try SharedData.rows("fees-2019.tsv")
        #expect(dataset.fees.count == rows.count)
        for (line, row) in rows {
            let place = "fees-2019.tsv:\(line)"
            let municipality = MunicipalityID(try #require(SharedData.municipalityIDs[row["municipality"] ?? ""], "\(place)"))
            let key = FeeKey(ServiceID(SharedData.idPart(row["service"] ?? "")), LineID(SharedData.idPart(row["line"] ?? "")))
            let validity = SharedData.validity(row)
            let fee = try #require(
                dataset.fees(municipality, key).first { $0.provenance.validity == validity }, "\(place): \(municipality).\(key) missing")
            let amount = try #require(SharedData.decimal(row["value"] ?? ""), "\(place): value")
            let unit = try #require(Unit(rawValue: row["unit"] ?? ""), "\(place): unit")
            if let money = Quantity(amount, unit).money {
                #expect(fee.amount == money, "\(place): amount")
                #expect(fee.fractionalAmount == nil, "\(place): no fraction of an øre")
            } else {
                // A price per m³ printed with fractions of an øre (15.344): kept exactly, and the
                // øre amount is that price rounded half-up.
                let exact = try #require(fee.fractionalAmount, "\(place): exact price kept")
                #expect(exact == amount.normalized, "\(place): exact amount")
                #expect(fee.exactPriceMicroKroner == Int128(try #require(amount.scaled(to: 6))), "\(place): µkr")
                let micro = try #require(amount.scaled(to: 6))
                #expect(fee.amount == Money.fromMicroKroner(Int128(micro), rounding: .halfUp), "\(place): rounded amount")
            }
            #expect(fee.period == unit.moneyPeriod, "\(place): period")
            #expect(fee.billedMonths == Int(row["billed_months"] ?? ""), "\(place): billed months")
            #expect(fee.vat.rawValue == row["vat"], "\(place): mva")
            SharedData.expectProvenance(fee.provenance, row, place, dataset)
        }
    }

    @Test("Every row of rules-2019.tsv is a rule with the same value, unit, status and method")
    func rules() throws {
        let dataset = Fixtures.dataset
        let rows = try SharedData.rows("rules-2019.tsv")
        #expect(dataset.rules.count == rows.count)
        for (line, row) in rows {
            let place = "rules-2019.tsv:\(line)"
            let municipality = MunicipalityID(try #require(SharedData.municipalityIDs[row["municipality"] ?? ""], "\(place)"))
            let service = ServiceID(SharedData.idPart(row["service"] ?? ""))
            let validity = SharedData.validity(row)
            let rule = try #require(
                dataset.rules.first {
                    $0.municipality == municipality && $0.service == service && $0.rule == SharedData.idPart(row["rule"] ?? "")
                        && $0.parameter == SharedData.idPart(row["parameter"] ?? "") && $0.provenance.validity == validity
                }, "\(place) missing")
            let expected = try #require(SharedData.value(row["value"] ?? "", unit: row["unit"] ?? ""), "\(place): value")
            #expect(rule.value == expected.value, "\(place): value")
            #expect(rule.provenance.printedUnit == expected.printedUnit, "\(place): printed unit")
            SharedData.expectProvenance(rule.provenance, row, place, dataset)
        }
    }

    @Test("Every row of volumes-2019.tsv is a volume with the same exact count, status and method")
    func volumes() throws {
        let dataset = Fixtures.dataset
        let rows = try SharedData.rows("volumes-2019.tsv")
        #expect(dataset.volumes.count == rows.count)
        for (line, row) in rows {
            let place = "volumes-2019.tsv:\(line)"
            let municipality = MunicipalityID(try #require(SharedData.municipalityIDs[row["municipality"] ?? ""], "\(place)"))
            let key = FeeKey(ServiceID(SharedData.idPart(row["service"] ?? "")), LineID(SharedData.idPart(row["line"] ?? "")))
            let validity = SharedData.validity(row)
            let volume = try #require(
                dataset.volumes.first { $0.municipality == municipality && $0.key == key && $0.provenance.validity == validity },
                "\(place) missing")
            let expected = try #require(SharedData.value(row["value"] ?? "", unit: row["volume_unit"] ?? ""), "\(place): value")
            #expect(Value.quantity(Quantity(volume.value, expected.value.quantity?.unit)) == expected.value, "\(place): value")
            #expect(volume.provenance.printedUnit == expected.printedUnit, "\(place): unit")
            SharedData.expectProvenance(volume.provenance, row, place, dataset)
        }
    }

    @Test("Every row of income-2018.tsv is an income point with the same value, unit, status, method and source")
    func incomePoints() throws {
        let dataset = Fixtures.dataset
        let rows = try SharedData.rows("income-2018.tsv")
        #expect(dataset.incomePoints.count == rows.count)
        for (line, row) in rows {
            let place = "income-2018.tsv:\(line)"
            let number = row["municipality"] ?? ""
            let point = try #require(
                dataset.incomePoints.first { $0.municipalityNumber == number && $0.measure == SharedData.idPart(row["measure"] ?? "") },
                "\(place) missing")
            let expected = try #require(SharedData.value(row["value"] ?? "", unit: row["unit"] ?? ""), "\(place): value")
            #expect(point.value == expected.value, "\(place): value")
            #expect(point.provenance.printedUnit == expected.printedUnit, "\(place): printed unit")
            #expect(!point.municipalityName.isEmpty, "\(place): name")
            SharedData.expectProvenance(point.provenance, row, place, dataset)
        }
        // Bærum and the national median lie outside the merger: names, not municipality blocks.
        #expect(dataset.incomePoints("baerum").first?.municipalityName == "Bærum")
        #expect(dataset.municipality("baerum") == nil)
    }

    @Test("TSV decimals convert exactly, keeping their scale")
    func decimals() {
        #expect(SharedData.decimal("1408.43") == DecimalNumber(significand: 140_843, scale: 2))
        #expect(SharedData.decimal("1408.43")?.scale == 2)
        #expect(SharedData.decimal("-1200") == DecimalNumber(-1200))
        #expect(SharedData.decimal("1.2.3") == nil && SharedData.decimal("") == nil && SharedData.decimal("1,5") == nil)
        #expect(SharedData.idPart("80+") == "_80_plus")
        #expect(SharedData.idPart("plass_5d") == "plass_5d")
    }
}
