import Harmoni

/// Case 9: load the national tables (population of every municipality 2019 and 2020, the 2020
/// reform), then scaffold and check (parse + validate in memory) all 44 mergers of 2020.
@MainActor
enum MergerScaffoldCase {
    static func run(datasetFolder: String, template: Dataset) {
        guard let files = MergerScaffold.TemplateFiles.read(datasetFolder) else { return }
        var mergers = 0
        var errors = 0
        Report.add(
            Measure.time("9a load the national tables (datasets/norge)", runs: 10, warmup: 1) {
                _ = NationalTables.load(datasetsFolder: datasetFolder)
            }, note: "782 populations, 426 reform rows")
        Report.add(
            Measure.time("9  national tables + scaffold and check all 44 mergers", runs: 5, warmup: 1) {
                guard let tables = NationalTables.load(datasetsFolder: datasetFolder).tables else { return }
                mergers = 0
                errors = 0
                let prepared = MergerScaffold.Template(template, files: files)
                for merger in tables.mergers {
                    let scaffold = MergerScaffold(merger: merger, tables: tables, template: prepared)
                    var parsed: [(file: SourceFile, unit: SourceUnit)] = []
                    for file in scaffold.files {
                        let source = SourceFile(name: file.name, text: file.text)
                        let (unit, diagnostics) = Parser.parse(source)
                        errors += diagnostics.count
                        parsed.append((source, unit))
                    }
                    errors += DatasetLoader.load(parsed).1.count
                    mergers += 1
                }
            }, target: .medianAtMost(1_000_000_000), note: "\(mergers) mergers, \(errors) diagnostics")
    }
}
