import Foundation

/// Wall-clock timing of repeated runs, and peak memory, for the benchmark report.
struct Measurement {
    var name: String
    var runs: Int
    /// Sorted durations in nanoseconds.
    var nanoseconds: [UInt64]
    /// Peak resident memory in kilobytes when the case finished (process-wide high-water mark).
    var peakKilobytes: Int

    var median: UInt64 { nanoseconds.isEmpty ? 0 : nanoseconds[nanoseconds.count / 2] }
    var p95: UInt64 {
        nanoseconds.isEmpty ? 0 : nanoseconds[min(nanoseconds.count - 1, Int((Double(nanoseconds.count) * 0.95).rounded(.up)) - 1)]
    }
}

enum Measure {
    /// Runs `body` `runs` times after `warmup` unmeasured runs.
    static func time(_ name: String, runs: Int, warmup: Int = 2, _ body: () -> Void) -> Measurement {
        for _ in 0..<warmup { body() }
        var samples: [UInt64] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return Measurement(name: name, runs: runs, nanoseconds: samples.sorted(), peakKilobytes: peakMemoryKilobytes())
    }

    /// This process's peak resident set size (getrusage, kilobytes on Linux).
    static func peakMemoryKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Peak resident set size of waited-for children (kilobytes).
    static func childrenPeakKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Human form: `812 µs`, `3,4 ms`, `1,2 s` (for the report only; never on a money path).
    static func format(_ ns: UInt64) -> String {
        if ns < 10_000 { return "\(ns) ns" }
        if ns < 10_000_000 { return decimal(ns, 1_000, "µs") }
        if ns < 10_000_000_000 { return decimal(ns, 1_000_000, "ms") }
        return decimal(ns, 1_000_000_000, "s")
    }

    private static func decimal(_ ns: UInt64, _ unit: UInt64, _ suffix: String) -> String {
        let tenths = (ns * 10 + unit / 2) / unit
        return "\(tenths / 10),\(tenths % 10) \(suffix)"
    }

    /// Runs a program and waits; returns its wall time in nanoseconds.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]) -> UInt64 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { return 0 }
        process.waitUntilExit()
        return DispatchTime.now().uptimeNanoseconds - start
    }
}
