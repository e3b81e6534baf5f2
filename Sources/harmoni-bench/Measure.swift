import Foundation

/// Wall-clock timing of repeated runs, and peak memory, for the benchmark report.
struct Measurement {
    var name: String
    var runs: Int
    /// Sorted durations in nanoseconds.
    var nanoseconds: [UInt64]
    /// Peak resident memory in kilobytes: this process's high-water mark when the case finished,
    /// or the largest child's for process-start cases.
    var peakKilobytes: Int

    init(name: String, runs: Int, nanoseconds: [UInt64], peakKilobytes: Int) {
        self.name = name
        self.runs = runs
        self.nanoseconds = nanoseconds.sorted()
        self.peakKilobytes = peakKilobytes
    }

    var median: UInt64 { nanoseconds.isEmpty ? 0 : nanoseconds[nanoseconds.count / 2] }
    var p95: UInt64 {
        guard !nanoseconds.isEmpty else { return 0 }
        let rank = Int((Double(nanoseconds.count) * 0.95).rounded(.up)) - 1
        return nanoseconds[min(nanoseconds.count - 1, max(0, rank))]
    }
}

enum Measure {
    /// `--quick`: a few runs of each case (for profiling under callgrind), not figures to report.
    nonisolated(unsafe) static var quick = false
    /// The runs of each case with `--quick` (`--quick=N`; 3 by default).
    nonisolated(unsafe) static var quickRuns = 3

    /// Runs `body` `runs` times after `warmup` unmeasured runs.
    static func time(_ name: String, runs: Int, warmup: Int = 2, _ body: () -> Void) -> Measurement {
        let runs = quick ? min(runs, quickRuns) : runs
        for _ in 0..<(quick ? 1 : warmup) { body() }
        var samples: [UInt64] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = now()
            body()
            samples.append(now() - start)
        }
        return Measurement(name: name, runs: runs, nanoseconds: samples, peakKilobytes: peakMemoryKilobytes())
    }

    /// Runs `body` until `runs` samples are taken or `budget` nanoseconds have passed (at least
    /// `minimum` samples): for slow cases on a loaded machine.
    static func time(
        _ name: String, runs: Int, minimum: Int, budget: UInt64, warmup: Int = 1, _ body: () -> Void
    ) -> Measurement {
        let runs = quick ? min(runs, quickRuns) : runs
        for _ in 0..<(quick ? 1 : warmup) { body() }
        var samples: [UInt64] = []
        let deadline = now() + budget
        while samples.count < runs && (samples.count < minimum || now() < deadline) {
            let start = now()
            body()
            samples.append(now() - start)
        }
        return Measurement(name: name, runs: samples.count, nanoseconds: samples, peakKilobytes: peakMemoryKilobytes())
    }

    /// A monotonic clock in nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// This process's peak resident set size (getrusage, kilobytes on Linux).
    static func peakMemoryKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Human form: `812 ns`, `81,2 µs`, `3,40 ms`, `1,20 s` (for the report only; never on a money path).
    static func format(_ ns: UInt64) -> String {
        if ns < 1_000 { return "\(ns) ns" }
        if ns < 1_000_000 { return decimal(ns, 1_000, "µs") }
        if ns < 1_000_000_000 { return decimal(ns, 1_000_000, "ms") }
        return decimal(ns, 1_000_000_000, "s")
    }

    /// Three significant figures with a decimal comma.
    private static func decimal(_ ns: UInt64, _ unit: UInt64, _ suffix: String) -> String {
        let value = Double(ns) / Double(unit)
        let places = value < 10 ? 2 : value < 100 ? 1 : 0
        return String(format: "%.\(places)f", value).replacingOccurrences(of: ".", with: ",") + " " + suffix
    }

    /// Megabytes with one decimal.
    static func megabytes(_ kilobytes: Int) -> String {
        String(format: "%.1f MB", Double(kilobytes) / 1024).replacingOccurrences(of: ".", with: ",")
    }

    /// Runs a program with standard output and error sent to /dev/null and waits for it; returns
    /// its wall time in nanoseconds and its own peak resident set size in kilobytes (wait4), or
    /// `nil` if it could not be started or did not exit with status 0.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]) -> (
        nanoseconds: UInt64, peakKilobytes: Int
    )? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = now()
        let argvC: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        let envpC: [UnsafeMutablePointer<CChar>?] = envp + [nil]
        let spawned = posix_spawn(&pid, path, &actions, nil, argvC, envpC)
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = now() - start
        // Exited normally (low 7 bits 0) with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { return nil }
        return (elapsed, Int(usage.ru_maxrss))
    }
}
