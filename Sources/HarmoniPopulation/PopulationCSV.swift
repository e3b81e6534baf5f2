import HarmoniModel

/// The interchange format: `households.csv` and `persons.csv` (UTF-8, comma, header row, whole
/// numbers, empty = none; `barnehage` and `sfo` hold the dataset's line ids or `none`).
public enum PopulationCSV {
    /// The file of households.
    public static let householdsFile = "households.csv"
    /// The file of persons.
    public static let personsFile = "persons.csv"
    /// The columns of households.csv, in the order written.
    public static let householdColumns = [
        "household_id", "kommune", "income_kr", "dwelling_m2", "water_m3", "bin_litres", "chimneys",
    ]
    /// The columns of persons.csv, in the order written.
    public static let personColumns = [
        "household_id", "person_id", "age", "barnehage", "sfo", "kulturskole", "praktisk_bistand_timer", "trygghetsalarm",
    ]

    /// households.csv for a population: header, then one row per household in population order, `\n` endings.
    public static func households(_ population: HouseholdPopulation) -> String {
        var out = householdColumns.joined(separator: ",") + "\n"
        out.reserveCapacity(population.households.count * 40)
        for h in population.households {
            out += "\(h.id),\(h.municipality.rawValue),\(h.incomeKroner.map(String.init) ?? ""),"
            out += "\(h.dwellingSquareMetres),\(h.waterCubicMetres),\(h.binLitres),\(h.chimneys)\n"
        }
        return out
    }

    /// persons.csv for a population: header, then one row per person grouped by household.
    public static func persons(_ population: HouseholdPopulation) -> String {
        var out = personColumns.joined(separator: ",") + "\n"
        out.reserveCapacity(population.persons.count * 36)
        for p in population.persons {
            out += "\(p.household),\(p.id),\(p.age),\(p.barnehage?.rawValue ?? "none"),\(p.sfo?.rawValue ?? "none"),"
            out += "\(p.kulturskoleSubjects),\(p.praktiskBistandHoursPerMonth),\(p.trygghetsalarm ? 1 : 0)\n"
        }
        return out
    }

    /// Reads an extract: every bad field is reported (several per file), and a population is
    /// returned only when there are none. `households` and `persons` are the files' texts,
    /// `names` the file names the issues carry. Municipalities may be given by id (`asker`) or
    /// kommunenummer (`0220`); line ids must be place lines of the dataset's barnehage and SFO.
    public static func read(
        households: String, persons: String, names: (households: String, persons: String), dataset: Dataset,
        directory: String
    ) -> Result<HouseholdPopulation, PopulationLoadError> {
        var reader = ExtractReader(dataset: dataset)
        let households = reader.households(households, file: names.households)
        let persons = reader.persons(persons, file: names.persons)
        guard reader.issues.isEmpty else {
            // households.csv first, then persons.csv; each by line, then column.
            let order = [names.households: 0, names.persons: 1]
            let sorted = reader.issues.enumerated().sorted { a, b in
                let ka = (order[a.element.file] ?? 2, a.element.line, a.element.column, a.offset)
                let kb = (order[b.element.file] ?? 2, b.element.line, b.element.column, b.offset)
                return ka < kb
            }.map(\.element)
            return .failure(PopulationLoadError(issues: sorted))
        }
        return .success(HouseholdPopulation(households: households, persons: persons, origin: .loaded(directory: directory), status: .own))
    }
}

/// One field of a CSV row and the column it starts at.
struct CSVField {
    var text: Substring
    var column: Int
}

/// Splits CSV text into rows of fields (comma-separated, no quoting: the format holds numbers and ids).
enum CSVRows {
    /// (line number, fields) for every non-empty line; a trailing `\r` is dropped.
    static func rows(_ text: String) -> [(line: Int, fields: [CSVField])] {
        var rows: [(line: Int, fields: [CSVField])] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            var fields: [CSVField] = []
            var column = 1
            for part in line.split(separator: ",", omittingEmptySubsequences: false) {
                fields.append(CSVField(text: part, column: column))
                column += part.count + 1
            }
            rows.append((lineNumber, fields))
        }
        return rows
    }
}
