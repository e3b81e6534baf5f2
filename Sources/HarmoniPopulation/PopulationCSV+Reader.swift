import HarmoniModel

/// Checks an extract row by row, collecting every issue (see ``PopulationCSV/read(households:persons:names:dataset:directory:)``).
struct ExtractReader {
    let dataset: Dataset
    var issues: [PopulationIssue] = []
    private var householdIDs: Set<Int64> = []
    private var personIDs: Set<Int64> = []
    private let barnehageLines: Set<LineID>
    private let sfoLines: Set<LineID>

    init(dataset: Dataset) {
        self.dataset = dataset
        barnehageLines = Set(PopulationLines.places("barnehage", dataset))
        sfoLines = Set(PopulationLines.places("sfo", dataset))
    }

    /// The columns' positions in a header row; missing columns are reported at line 1.
    private mutating func header(_ rows: [(line: Int, fields: [CSVField])], _ columns: [String], _ file: String) -> [Int]? {
        guard let first = rows.first else {
            issue(file, 1, 1, "filen er tom (mangler overskriftsraden)", "the file is empty (no header row)")
            return nil
        }
        let names = first.fields.map { $0.text.trimmedText }
        var positions: [Int] = []
        var ok = true
        for column in columns {
            if let at = names.firstIndex(of: column) {
                positions.append(at)
            } else {
                ok = false
                issue(file, first.line, 1, "overskriftsraden mangler kolonnen «\(column)»", "the header row lacks the column «\(column)»")
            }
        }
        return ok ? positions : nil
    }

    mutating func households(_ text: String, file: String) -> [PopulationHousehold] {
        let rows = CSVRows.rows(text)
        guard let at = header(rows, PopulationCSV.householdColumns, file) else { return [] }
        var result: [PopulationHousehold] = []
        for (line, fields) in rows.dropFirst() {
            guard count(fields, rows[0].fields.count, file, line) else { continue }
            let before = issues.count
            let id = whole(fields[at[0]], file, line, "household_id")
            let municipality = self.municipality(fields[at[1]], file, line)
            let income = optionalWhole(fields[at[2]], file, line, "income_kr", negative: ("negativ inntekt", "negative income"))
            let area = whole(fields[at[3]], file, line, "dwelling_m2")
            let water = whole(fields[at[4]], file, line, "water_m3")
            let bin = whole(fields[at[5]], file, line, "bin_litres")
            let chimneys = whole(fields[at[6]], file, line, "chimneys")
            if let id {
                if householdIDs.contains(id) {
                    issue(file, line, fields[at[0]].column, "husholdning \(id) finnes fra før", "duplicate household id \(id)")
                }
                householdIDs.insert(id)
            }
            guard issues.count == before, let id, let municipality, let area, let water, let bin, let chimneys else { continue }
            result.append(
                PopulationHousehold(
                    id: id, municipality: municipality, incomeKroner: income ?? nil, dwellingSquareMetres: area,
                    waterCubicMetres: water, binLitres: bin, chimneys: chimneys))
        }
        return result
    }

    mutating func persons(_ text: String, file: String) -> [PopulationPerson] {
        let rows = CSVRows.rows(text)
        guard let at = header(rows, PopulationCSV.personColumns, file) else { return [] }
        var result: [PopulationPerson] = []
        for (line, fields) in rows.dropFirst() {
            guard count(fields, rows[0].fields.count, file, line) else { continue }
            let before = issues.count
            let household = whole(fields[at[0]], file, line, "household_id")
            if let household, !householdIDs.contains(household) {
                issue(file, line, fields[at[0]].column, "ingen husholdning \(household) i households.csv", "no household \(household) in households.csv")
            }
            let id = whole(fields[at[1]], file, line, "person_id")
            if let id {
                if personIDs.contains(id) { issue(file, line, fields[at[1]].column, "person \(id) finnes fra før", "duplicate person id \(id)") }
                personIDs.insert(id)
            }
            let age = whole(fields[at[2]], file, line, "age")
            if let age, age > 130 { issue(file, line, fields[at[2]].column, "alder \(age) er over 130", "age \(age) is over 130") }
            let barnehage = place(fields[at[3]], barnehageLines, "barnehage", file, line)
            let sfo = place(fields[at[4]], sfoLines, "sfo", file, line)
            let subjects = whole(fields[at[5]], file, line, "kulturskole", emptyIsZero: true)
            let hours = whole(fields[at[6]], file, line, "praktisk_bistand_timer", emptyIsZero: true)
            let alarm = whole(fields[at[7]], file, line, "trygghetsalarm", emptyIsZero: true)
            if let alarm, alarm > 1 {
                issue(file, line, fields[at[7]].column, "trygghetsalarm må være 0 eller 1, ikke \(alarm)", "trygghetsalarm must be 0 or 1, not \(alarm)")
            }
            guard issues.count == before, let household, let id, let age, let subjects, let hours, let alarm else { continue }
            result.append(
                PopulationPerson(
                    household: household, id: id, age: age, barnehage: barnehage ?? nil, sfo: sfo ?? nil,
                    kulturskoleSubjects: subjects, praktiskBistandHoursPerMonth: hours, trygghetsalarm: alarm == 1))
        }
        return result
    }

    private mutating func count(_ fields: [CSVField], _ expected: Int, _ file: String, _ line: Int) -> Bool {
        guard fields.count != expected else { return true }
        let column = fields.count > expected ? fields[expected].column : (fields.last.map { $0.column + $0.text.count } ?? 1)
        issue(file, line, column, "raden har \(fields.count) felt, overskriften \(expected)", "the row has \(fields.count) fields, the header \(expected)")
        return false
    }

    private mutating func whole(_ field: CSVField, _ file: String, _ line: Int, _ column: String, emptyIsZero: Bool = false) -> Int64? {
        let text = field.text.trimmedText
        if text.isEmpty, emptyIsZero { return 0 }
        guard let value = Int64(text) else {
            issue(file, line, field.column, "«\(text)» i \(column) er ikke et heltall", "«\(text)» in \(column) is not a whole number")
            return nil
        }
        guard value >= 0 else {
            issue(file, line, field.column, "\(column) kan ikke være negativ (\(value))", "\(column) cannot be negative (\(value))")
            return nil
        }
        return value
    }

    /// An optional whole number: `.some(nil)` when empty, `nil` on an error.
    private mutating func optionalWhole(_ field: CSVField, _ file: String, _ line: Int, _ column: String, negative: (String, String))
        -> Int64??
    {
        let text = field.text.trimmedText
        if text.isEmpty { return .some(nil) }
        guard let value = Int64(text) else {
            issue(file, line, field.column, "«\(text)» i \(column) er ikke et heltall", "«\(text)» in \(column) is not a whole number")
            return nil
        }
        guard value >= 0 else {
            issue(file, line, field.column, "\(negative.0) (\(value))", "\(negative.1) (\(value))")
            return nil
        }
        return .some(value)
    }

    private mutating func municipality(_ field: CSVField, _ file: String, _ line: Int) -> MunicipalityID? {
        let text = field.text.trimmedText
        let merging = dataset.mergingMunicipalities
        if merging.contains(MunicipalityID(text)) { return MunicipalityID(text) }
        if let byNumber = dataset.municipalities.first(where: { $0.number == text && merging.contains($0.id) }) { return byNumber.id }
        let known = merging.map(\.rawValue).joined(separator: ", ")
        issue(file, line, field.column, "ukjent kommune «\(text)» (kjente: \(known))", "unknown kommune «\(text)» (known: \(known))")
        return nil
    }

    /// A place line, `.some(nil)` for none, `nil` on an error.
    private mutating func place(_ field: CSVField, _ lines: Set<LineID>, _ service: String, _ file: String, _ line: Int) -> LineID?? {
        let text = field.text.trimmedText
        if text.isEmpty || text == "none" { return .some(nil) }
        if lines.contains(LineID(text)) { return .some(LineID(text)) }
        let known = lines.map(\.rawValue).sorted().joined(separator: ", ")
        issue(file, line, field.column, "ukjent \(service)-linje «\(text)» (kjente: \(known), none)", "unknown \(service) line «\(text)» (known: \(known), none)")
        return nil
    }

    private mutating func issue(_ file: String, _ line: Int, _ column: Int, _ nb: String, _ en: String) {
        issues.append(PopulationIssue(file: file, line: line, column: column, nb: nb, en: en))
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmedText: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
