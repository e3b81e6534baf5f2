import HarmoniLanguage
import HarmoniModel

/// Builds a ``Dataset`` from parsed `.harmoni` files and validates it.
///
/// Two passes: declarations first (`dataset`, `municipality`, `area`, `service`, `source`), so a
/// block may refer to one declared in any file; then every value block. Every problem becomes a
/// ``Diagnostic`` at the attribute or id it concerns; loading goes on so one run reports them all.
public struct DatasetLoader {
    /// Block kinds a dataset may contain.
    public static let blockKinds = [
        "dataset", "municipality", "area", "service", "source", "fee", "rule", "parameter", "population", "volume",
        "coverage", "budget", "subsidy", "missing", "household", "income", "merger", "range", "line",
    ]

    /// Block kinds read in pass 1 (households are checked there and built in pass 2).
    static let declarationKinds = ["dataset", "municipality", "area", "service", "source", "household"]

    /// Budget area id for whole-municipality totals (not a tjenesteområde).
    public static let totalArea = AreaID("alle")

    var dataset = Dataset()
    var diagnostics: [Diagnostic] = []
    var baselineYear: Int?
    private var declared: [String: (file: String, range: SourceRange)] = [:]
    var sourceIDs: Set<SourceID> = []
    var datedValues: [(label: String, validity: Validity, file: String, range: SourceRange)] = []
    /// Where each volume's value was written (by ``lineKey(_:_:)``), for ``checkAmounts()``.
    var volumeRanges: [String: (file: String, range: SourceRange)] = [:]
    /// The `area` of each service as written, checked once every file is declared.
    private var serviceAreas: [(area: String, file: String, range: SourceRange)] = []
    /// Households built so far (a duplicate is reported in pass 1 and skipped in pass 2).
    var households: Set<String> = []

    /// Loads parsed files (parse diagnostics are the caller's); returns the dataset and the
    /// validation diagnostics in file order.
    public static func load(_ files: [(file: SourceFile, unit: SourceUnit)]) -> (Dataset, [Diagnostic]) {
        var loader = DatasetLoader()
        for (file, unit) in files {
            for statement in unit.statements { loader.declare(statement, file.name) }
        }
        for (area, file, range) in loader.serviceAreas { _ = loader.area(Identifier(area, range), file) }
        for (file, unit) in files {
            for statement in unit.statements { loader.build(statement, file.name) }
        }
        loader.checkOverlaps()
        loader.checkAmounts()
        return (loader.dataset, loader.diagnostics)
    }

    mutating func report(_ message: DiagnosticMessage, _ file: String, _ range: SourceRange, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(.error, message, file: file, range: range, notes: notes))
    }

    // MARK: - Pass 1: declarations

    private mutating func declare(_ statement: Statement, _ file: String) {
        guard case .block(let block) = statement.kind else {
            report(
                .expected("en blokk (f.eks. «fee asker.sfo.plass_5d { … }»)", "a block (e.g. «fee asker.sfo.plass_5d { … }»)",
                    found: "«\(Formatter.statement(statement).prefix(40))»"), file, statement.range)
            return
        }
        let kind = block.kind.name
        guard DatasetLoader.blockKinds.contains(kind) else {
            report(.unknownBlockKind(kind, DatasetLoader.blockKinds), file, block.kind.range)
            return
        }
        guard DatasetLoader.declarationKinds.contains(kind) else { return }
        guard idHasParts(block, 1, "«\(kind) navn»", file) else { return }
        let key = kind + " " + block.id.text
        if let previous = declared[key] {
            report(
                .duplicateDefinition(kind, block.id.text), file, block.id.range,
                notes: previous.file == file ? [DiagnosticNote(.previousDefinition, range: previous.range)] : [])
            return
        }
        declared[key] = (file, block.id.range)
        let name = block.id.parts[0].name
        // Each kind reads its own fields (no reader is made for a kind that is built in pass 2).
        var reader: BlockReader
        switch kind {
        case "dataset":
            reader = BlockReader(block, file: file, fields: ["title", "baseline_year"], required: ["baseline_year"])
            if let year = reader.wholeNumber("baseline_year", in: 1900...2100) {
                baselineYear = Int(year)
                dataset.declaredBaselineYear = Int(year)
            }
        case "municipality":
            reader = BlockReader(block, file: file, fields: ["number", "name"], required: ["number", "name"])
            if let number = reader.text("number"), let display = reader.text("name") {
                dataset.municipalities.append(Municipality(id: MunicipalityID(name), number: number, name: display))
            }
        case "area":
            reader = BlockReader(block, file: file, fields: ["name", "name_en"], required: ["name"])
            let english = reader.has("name_en") ? reader.text("name_en") : nil
            if let display = reader.text("name") { dataset.areas.append(Area(id: AreaID(name), name: display, nameEN: english)) }
        case "service":
            reader = BlockReader(block, file: file, fields: ["name", "name_en", "area", "selvkost"], required: ["name", "area"])
            let display = reader.text("name")
            let english = reader.has("name_en") ? reader.text("name_en") : nil
            let area = reader.symbol("area")
            if let area { serviceAreas.append((area, file, reader.range("area"))) }
            let selvkost = reader.has("selvkost") ? reader.flag("selvkost") : false
            if let display, let area, let selvkost {
                dataset.services.append(
                    Service(id: ServiceID(name), name: display, area: AreaID(area), selvkost: selvkost, nameEN: english))
            }
        case "source":
            reader = BlockReader(block, file: file, fields: ["title", "url", "reference", "date"], required: ["title"])
            let title = reader.text("title")
            let url = reader.has("url") ? reader.text("url") : nil
            let reference = reader.has("reference") ? reader.text("reference") : nil
            let date = reader.has("date") ? reader.date("date") : nil
            sourceIDs.insert(SourceID(name))
            if let title {
                dataset.sources.append(Source(id: SourceID(name), title: title, url: url, reference: reference, date: date))
            }
        default:  // household: built in pass 2
            return
        }
        diagnostics += reader.diagnostics
    }

    /// Checks that a block id has `count` parts (no wildcard); reports the expected shape otherwise.
    mutating func idHasParts(_ block: Block, _ count: Int, _ shape: String, _ file: String) -> Bool {
        if block.id.parts.count == count, !block.id.wildcard { return true }
        report(.idShape(block.kind.name, shape), file, block.id.range)
        return false
    }

    // MARK: - Pass 2: values

    private mutating func build(_ statement: Statement, _ file: String) {
        guard case .block(let block) = statement.kind, DatasetLoader.blockKinds.contains(block.kind.name) else { return }
        switch block.kind.name {
        case "fee": buildFee(block, file)
        case "rule": buildRule(block, file)
        case "parameter": buildParameter(block, file)
        case "population": buildPopulation(block, file)
        case "volume": buildVolume(block, file)
        case "coverage": buildCoverage(block, file)
        case "budget": buildBudget(block, file)
        case "subsidy": buildSubsidy(block, file)
        case "missing": buildMissing(block, file)
        case "household": buildHousehold(block, file)
        case "income": buildIncome(block, file)
        case "merger": buildMerger(block, file)
        case "range": buildRange(block, file)
        case "line": buildLineName(block, file)
        default: break
        }
    }

    /// Resolves the municipality part of an id, reporting an unknown one.
    mutating func municipality(_ part: Identifier, _ file: String) -> MunicipalityID? {
        let id = MunicipalityID(part.name)
        if dataset.municipality(id) != nil { return id }
        report(.unknownReference("kommune", "municipality", part.name), file, part.range)
        return nil
    }

    /// Resolves a service id, reporting an unknown one.
    mutating func service(_ part: Identifier, _ file: String) -> ServiceID? {
        let id = ServiceID(part.name)
        if dataset.service(id) != nil { return id }
        report(.unknownReference("tjeneste", "service", part.name), file, part.range)
        return nil
    }

    /// Resolves an area id (or the total pseudo-area `alle`), reporting an unknown one.
    mutating func area(_ part: Identifier, _ file: String) -> AreaID? {
        let id = AreaID(part.name)
        if id == DatasetLoader.totalArea || dataset.area(id) != nil { return id }
        report(.unknownReference("tjenesteområde", "service area", part.name), file, part.range)
        return nil
    }
}
