import Harmoni

/// The engine cases (flagship scenario, goal-seek, 50-municipality merger): added as the
/// simulator and diff engine land.
enum BenchCases {
    static func runEngineCases(datasetFolder: String, report: (Measurement, String) -> Void) {
        let loaded = DatasetLoader.load(paths: [datasetFolder])
        let session = Session(state: SessionState(dataset: loaded.dataset, datasetPaths: [datasetFolder]))
        let file = SourceFile(name: "bench", text: "let a = mean(sfo.plass_5d)\nlet b = weighted(sfo.plass_5d)\n")
        report(Measure.time("4* evaluate two aggregate expressions", runs: 200) {
            _ = session.run(file)
        }, "-")
    }
}
