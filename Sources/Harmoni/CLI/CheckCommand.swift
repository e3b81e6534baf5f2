import Foundation
import HarmoniModel
import HarmoniReport

/// `harmoni check [PATH…]`: parse and validate datasets (default: the shipped ones); exit 1 on any error.
enum CheckCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions) -> CLIResult {
        if arguments.contains("--help") { return CLIResult(stdout: HelpText.check(options.language)) }
        if let flag = arguments.first(where: { $0.hasPrefix("-") }) {
            return HelpText.unknownOption(flag, command: "check", known: [], options.language)
        }
        guard let paths = arguments.isEmpty ? CLI.datasetPaths(options) : arguments else {
            return CLI.usageError(
                "fant ikke datasettene; oppgi --dataset MAPPE eller sett HARMONI_DATASETS",
                "could not find the datasets; give --dataset FOLDER or set HARMONI_DATASETS", options.language)
        }
        // A single file is checked in the context of its folder (and of the shipped datasets when
        // those files declare no services), so references to municipalities, services
        // and sources declared in other files resolve; only the named files' problems are shown.
        let (loadPaths, requested) = context(for: paths, options)
        var loaded = DatasetLoader.load(paths: loadPaths)
        if requested != nil, loaded.dataset.services.isEmpty, let shipped = CLI.datasetPaths(options) {
            let shippedFiles = Set(shipped.flatMap(FileAccess.harmoniFiles(in:)).map(standard))
            loaded = DatasetLoader.load(paths: shipped + loadPaths.filter { !shippedFiles.contains(standard($0)) })
        }
        let shown = loaded.diagnostics.filter { requested == nil || requested?.contains(standard($0.fileName)) == true }
        let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
        var result = CLIResult()
        result.stderr = renderer.render(shown, files: loaded.files)
        let errors = shown.filter { $0.severity == .error }.count
        let d = loaded.dataset
        if errors > 0 {
            result.stderr += options.language == .nb
                ? "\(errors) feil i \(loaded.files.count) filer\n" : "\(errors) error(s) in \(loaded.files.count) files\n"
            result.status = 1
            return result
        }
        let estimated = (d.fees.map(\.provenance) + d.rules.map(\.provenance)).filter { $0.status == .estimated }.count
        let counts = [
            (d.fees.count, "gebyrer", "fees"), (d.rules.count, "regler", "rules"),
            (d.parameters.count, "parametre", "parameters"), (d.volumes.count, "volumer", "volumes"),
            (d.coverages.count, "dekningsgrader", "coverage rates"), (d.budgets.count, "budsjettall", "budget figures"),
            (d.subsidies.count, "tilskudd", "subsidies"), (d.households.count, "husholdninger", "households"),
            (d.incomePoints.count, "inntektspunkter", "income points"), (d.sources.count, "kilder", "sources"),
        ]
        let list = counts.map { "\($0.0) \(options.language == .nb ? $0.1 : $0.2)" }.joined(separator: ", ")
        // Whole services the record lacks are named; single missing figures (a scaffold's) are counted.
        let gaps = d.missing.filter { $0.figure == nil }
        let figures = d.missing.count - gaps.count
        if options.language == .nb {
            result.stdout = "OK: \(loaded.files.count) filer, \(list).\n"
                + "\(estimated) av \(d.fees.count + d.rules.count) gebyrer og regler er anslag (≈); mangler: "
                + (gaps.isEmpty && figures > 0 ? "" : gaps.map { "\(DisplayNames.service($0.service, in: d, nb: true)) i \(d.municipality($0.municipality)?.name ?? $0.municipality.rawValue)" }.joined(separator: ", "))
                + (figures > 0 ? (gaps.isEmpty ? "" : "; ") + "\(figures) enkelttall (se «eksporter dataforespørsel»)" : "") + ".\n"
        } else {
            result.stdout = "OK: \(loaded.files.count) files, \(list).\n"
                + "\(estimated) of \(d.fees.count + d.rules.count) fees and rules are estimates (≈); missing: "
                + (gaps.isEmpty && figures > 0 ? "" : gaps.map { "\(DisplayNames.service($0.service, in: d, nb: false)) in \(d.municipality($0.municipality)?.name ?? $0.municipality.rawValue)" }.joined(separator: ", "))
                + (figures > 0 ? (gaps.isEmpty ? "" : "; ") + "\(figures) single figures (see «export datarequest»)" : "") + ".\n"
        }
        return result
    }

    /// The paths to load (the named folders, or each named file's folder) and, when single files
    /// were named, the standardised paths to report on.
    static func context(for paths: [String], _ options: GlobalOptions) -> (load: [String], requested: Set<String>?) {
        // Files that declare no services are then checked against the shipped declarations (run()).
        var load: [String] = []
        var requested: Set<String> = []
        var namedFiles = false
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                load.append(path)
                requested.formUnion(FileAccess.harmoniFiles(in: path).map(standard))
            } else {
                namedFiles = true
                requested.insert(standard(path))
                let folder = (path as NSString).deletingLastPathComponent
                load.append(contentsOf: FileAccess.harmoniFiles(in: folder.isEmpty ? "." : folder))
                load.append(path)
            }
        }
        var seen: Set<String> = []
        load = load.filter { seen.insert(standard($0)).inserted }
        return (load, namedFiles ? requested : nil)
    }

    static func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
