import Foundation

/// A target a figure is held to.
enum Target {
    /// No target: the figure is reported for information.
    case none
    /// The median at most this many nanoseconds.
    case medianAtMost(UInt64)
    /// Every sample at most this many nanoseconds (per-item medians: every item meets it).
    case allAtMost(UInt64)
    /// A ratio (computed by the case) at most this value.
    case ratioAtMost(Double, actual: Double)
    /// Peak memory at most this many kilobytes.
    case memoryAtMost(Int, actualKilobytes: Int)

    var text: String {
        switch self {
        case .none: return "-"
        case .medianAtMost(let ns): return "≤ \(Measure.format(ns))"
        case .allAtMost(let ns): return "each ≤ \(Measure.format(ns))"
        case .ratioAtMost(let limit, _): return "≤ \(String(format: "%.1f", limit)) × floor"
        case .memoryAtMost(let kb, _): return "≤ \(kb / 1024) MB"
        }
    }

    /// `nil` when there is no target.
    func met(_ m: Measurement) -> Bool? {
        switch self {
        case .none: return nil
        case .medianAtMost(let ns): return m.median <= ns
        case .allAtMost(let ns): return (m.nanoseconds.last ?? 0) <= ns
        case .ratioAtMost(let limit, let actual): return actual <= limit
        case .memoryAtMost(let kb, let actual): return actual <= kb
        }
    }
}

/// The rows printed so far, and the summary at the end.
@MainActor
enum Report {
    private(set) static var rows: [(measurement: Measurement, target: Target, note: String)] = []

    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    static func header() {
        write(
            pad("case", 58) + pad("runs", 6) + pad("median", 11) + pad("p95", 11) + pad("peak", 10) + "target\n")
    }

    /// Prints one row and remembers it for the summary.
    static func add(_ m: Measurement, target: Target = .none, note: String = "") {
        rows.append((m, target, note))
        let verdict = target.met(m).map { $0 ? "  met" : "  NOT MET" } ?? ""
        let line =
            pad(m.name, 58) + pad(String(m.runs), 6) + pad(Measure.format(m.median), 11) + pad(Measure.format(m.p95), 11)
            + pad(Measure.megabytes(m.peakKilobytes), 10) + target.text + verdict + (note.isEmpty ? "" : "  (\(note))")
        write(line + "\n")
    }

    /// A note under the rows (ratios, counts).
    static func note(_ text: String) { write("    \(text)\n") }

    /// The rows as a Markdown table, for docs/PERFORMANCE.md.
    static func markdown() {
        write("\n| case | runs | median | p95 | peak memory | target | met |\n|---|---:|---:|---:|---:|---|---|\n")
        for (m, target, note) in rows {
            let met = target.met(m).map { $0 ? "yes" : "**no**" } ?? ""
            let name = note.isEmpty ? m.name : "\(m.name) (\(note))"
            write(
                "| \(name) | \(m.runs) | \(Measure.format(m.median)) | \(Measure.format(m.p95)) | "
                    + "\(Measure.megabytes(m.peakKilobytes)) | \(target.text) | \(met) |\n")
        }
        let targets = rows.compactMap { $0.target.met($0.measurement) }
        write("\nTargets met: \(targets.filter { $0 }.count) of \(targets.count).\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }
}
