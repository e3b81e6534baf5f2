import Foundation

/// Case 1: process start of the built `harmoni` binary against a bare Foundation "hello".
@MainActor
enum ProcessStartCase {
    static func run(executableFolder: URL, datasetFolder: String, runs: Int = 40) {
        let helloPath = executableFolder.appendingPathComponent("harmoni-hello").path
        let harmoniPath = executableFolder.appendingPathComponent("harmoni").path
        for path in [helloPath, harmoniPath] where !FileManager.default.isExecutableFile(atPath: path) {
            Report.write("1  skipped: \(path) is not built (run `swift build -c release` first)\n")
            return
        }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["HARMONI_DATASETS"] = datasetFolder
        let cases: [(name: String, path: String, arguments: [String])] = [
            ("1a start: bare Foundation hello (floor)", helloPath, []),
            ("1b start: harmoni --version", harmoniPath, ["--version"]),
            ("1c start: harmoni -e 'show services' (shipped data)", harmoniPath, ["-e", "show services"]),
        ]
        // Interleaved rounds, so load on the shared machine hits every case alike.
        var samples = Array(repeating: [UInt64](), count: cases.count)
        var peaks = Array(repeating: 0, count: cases.count)
        var failed = Array(repeating: false, count: cases.count)
        for round in 0..<(runs + 3) {
            for (i, c) in cases.enumerated() {
                guard let (ns, kb) = Measure.spawn(c.path, c.arguments, environment: environment) else {
                    failed[i] = true
                    continue
                }
                peaks[i] = max(peaks[i], kb)
                if round >= 3 { samples[i].append(ns) }
            }
        }
        var measured: [Measurement] = []
        var exactMemory = true
        for (i, c) in cases.enumerated() {
            let peak = childPeakKilobytes(c.path, c.arguments, environment: environment)
            exactMemory = exactMemory && peak != nil
            measured.append(
                Measurement(name: c.name, runs: samples[i].count, nanoseconds: samples[i], peakKilobytes: peak ?? peaks[i]))
        }
        let floor = Double(max(1, measured[0].median))
        let ratio = Double(measured[1].median) / floor
        Report.add(measured[0])
        Report.add(measured[1], target: .ratioAtMost(2, actual: ratio), note: String(format: "%.2f × floor", ratio))
        Report.add(
            measured[2], target: .memoryAtMost(50 * 1024, actualKilobytes: measured[2].peakKilobytes),
            note: String(format: "%.2f × floor", Double(measured[2].median) / floor))
        if !exactMemory {
            Report.note("1: without GNU time (/usr/bin/time) the peaks include this process's memory at spawn (an upper bound)")
        }
        for (i, c) in cases.enumerated() where failed[i] {
            Report.note("\(c.name): the program failed at least once (not started or exit status ≠ 0)")
        }
    }

    /// The child's own peak resident set size, measured by GNU time (`%M`, kilobytes). The
    /// figure wait4 gives for a child of posix_spawn keeps the parent's peak (the child starts in
    /// the parent's address space), so this is measured from a small process instead.
    private static func childPeakKilobytes(_ path: String, _ arguments: [String], environment: [String: String]) -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-bench-\(getpid()).rss").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var peak = 0
        for _ in 0..<3 {
            guard Measure.spawn(time, ["-f", "%M", "-o", output, path] + arguments, environment: environment) != nil,
                let text = try? String(contentsOfFile: output, encoding: .utf8),
                let kilobytes = text.split(whereSeparator: \.isNewline).last.flatMap({ Int($0) })
            else { return nil }
            peak = max(peak, kilobytes)
        }
        return peak
    }
}
