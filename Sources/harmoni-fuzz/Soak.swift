import Foundation

/// `soak`: seeded random REPL lines (decisions, mistakes, session commands, unfinished entries,
/// garbage) through a pipe into the built `harmoni`; then `.save`. The REPL must read every line
/// (no early exit, no crash) and save exactly the decisions it accepted minus those undone.
struct Soak {
    var seed: UInt64
    var lines: Int
    var harmoni: String

    static let pool = [
        "harmonise sfo.* to lowest", "harmonise barnehage.* by 3 %", "set sfo.plass_5d = 3 000 kr/mnd",
        "harmonise sfo.* to -1 kr/mnd", "harmonise nonsense.* to lowest", "set sfo.* = -999 999 999 kr/mnd",
        "harmonise sfo.* to lowest round 0,01 kr round 1 kr", ".undo", ".mode csv", ".mode table", ".mode json",
        "print 1 + 1", "print min()", "show diff sfo", "let x = (1 +", "2)", "print x", ")", "]", "\"", "# kommentar", "",
        ".help", ".timer on", ".timer off", "print 10000000000000 kr / 1 kr", "print bo\u{0308}ter", "show budget",
        "print \u{202E}x", ".output", ".frob", "harmonise kulturskole.* to mean",
    ]

    struct Summary {
        var lines = 0
        var status: Int32 = 0
        var crashed = false
        var accepted = 0
        var undone = 0
        var saved: Int?
        var seconds = 0.0
    }

    func run() -> Summary {
        var random = Random(seed: seed)
        var input = ""
        for _ in 0..<lines {
            if random.chance(20) {
                let scalars = (0..<random.below(30)).compactMap { _ in Unicode.Scalar(UInt32(32 + random.below(0x2FF))) }
                input += String(String.UnicodeScalarView(scalars)) + "\n"
            } else {
                input += random.pick(Self.pool) + "\n"
            }
        }
        // Close any unfinished entry, then save what was decided.
        input += "\n)\n]\n.save --force \"soak.harmoni\"\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-soak-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: harmoni)
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["HOME"] = folder
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try? process.run()
        let data = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var summary = Summary(lines: lines, status: process.terminationStatus)
        summary.seconds = Date().timeIntervalSince(started)
        summary.crashed = process.terminationReason == .uncaughtSignal
        for line in output.split(separator: "\n") {
            if line.hasPrefix("Vedtak #") { summary.accepted += 1 }
            if line.hasPrefix("Angret: ") { summary.undone += 1 }
            if line.hasPrefix("Lagret ") { summary.saved = Int(line.dropFirst(7).prefix { $0.isNumber }) }
        }
        return summary
    }
}
