import Harmoni

/// Case 2 in its phases, one after the other (the load itself reads and parses files in
/// parallel): where the time of loading goes.
@MainActor
enum LoadPhases {
    static func run(datasetFolder: String) {
        let paths = FileAccess.harmoniFiles(in: datasetFolder)
        var files: [SourceFile] = []
        Report.add(
            Measure.time("2a   phase: read the files", runs: 100) {
                files = paths.compactMap { try? FileAccess.readSource($0).get() }
            }, note: "\(files.count) files, \(files.map(\.bytes.count).reduce(0, +) / 1024) KB")
        var parsed: [(file: SourceFile, unit: SourceUnit)] = []
        Report.add(
            Measure.time("2b   phase: lex and parse them, one by one", runs: 100) {
                parsed = files.map { ($0, Parser.parse($0).unit) }
            })
        Report.add(
            Measure.time("2c   phase: validate and build the dataset", runs: 100) {
                _ = DatasetLoader.load(parsed)
            })
    }
}
