import Foundation

/// `kill`: kills the built `harmoni` with SIGKILL at seeded random moments while it writes a large
/// `--output` document, a `save` statement's file, or a REPL `.save`, then checks the promise:
/// each target is the old file or the complete new one, and no temporary file is left once the
/// next write to the folder has run (temporaries of dead processes are removed by it).
struct KillTest {
    var seed: UInt64
    var count: Int
    var harmoni: String

    struct Summary {
        var kills = 0
        var torn = 0
        var old = 0
        var complete = 0
        var leftAfterKill = 0
        var leftAfterNextWrite = 0
    }

    enum Mode: CaseIterable { case output, save, replSave }

    func run() -> Summary {
        var summary = Summary()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-kill-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A large document: every comparison and budget table, many times over (≈ 1-2 MB of HTML).
        let shows = (0..<40).map { _ in "show diff oppvekst\nshow diff teknisk\n" }.joined()
        write(shows, folder + "/big.harmoni")
        write("harmonise sfo.* to lowest\nsave to \"saved.harmoni\" overwrite\n", folder + "/save.harmoni")
        let replInput = (0..<200).map { _ in "harmonise sfo.* to lowest\n.undo\n" }.joined() + "harmonise sfo.* to lowest\n.save --force \"repl.harmoni\"\n"
        // The complete files, written by runs that are not killed; their time bounds the kill moment.
        var complete: [Mode: (text: String, seconds: Double)] = [:]
        for mode in Mode.allCases {
            let started = Date()
            _ = launch(mode, folder, replInput).wait()
            complete[mode] = (read(target(mode, folder)) ?? "", Date().timeIntervalSince(started))
        }
        var random = Random(seed: seed)
        for i in 0..<count {
            let mode = Mode.allCases[i % Mode.allCases.count]
            let path = target(mode, folder)
            write("old \(i)\n", path)
            let child = launch(mode, folder, replInput)
            // Most of a run is computing; the writes come at its end, so most kills aim there.
            let share = random.chance(4) ? Double(random.below(1_000)) / 1_000 : 0.5 + Double(random.below(1_000)) / 1_000 * 0.7
            let delay = share * complete[mode]!.seconds
            usleep(UInt32(delay * 1_000_000))
            kill(child.pid, SIGKILL)
            _ = child.wait()
            summary.kills += 1
            let now = read(path)
            if now == "old \(i)\n" { summary.old += 1 } else if now == complete[mode]!.text { summary.complete += 1 } else { summary.torn += 1 }
            if !temporaries(folder).isEmpty { summary.leftAfterKill += 1 }
            if i % 10 == 9 {
                // The next write to the folder removes what dead processes left.
                write("print 1\nexport diff sfo to \"probe.csv\" overwrite\n", folder + "/probe.harmoni")
                _ = Child(harmoni, ["run", "probe.harmoni"], folder, nil).wait()
                summary.leftAfterNextWrite += temporaries(folder).count
            }
        }
        write("export diff sfo to \"probe.csv\" overwrite\n", folder + "/probe.harmoni")
        _ = Child(harmoni, ["run", "probe.harmoni"], folder, nil).wait()
        summary.leftAfterNextWrite += temporaries(folder).count
        return summary
    }

    func target(_ mode: Mode, _ folder: String) -> String {
        switch mode {
        case .output: return folder + "/big.html"
        case .save: return folder + "/saved.harmoni"
        case .replSave: return folder + "/repl.harmoni"
        }
    }

    func launch(_ mode: Mode, _ folder: String, _ replInput: String) -> Child {
        switch mode {
        case .output: return Child(harmoni, ["run", "--force", "--output", "big.html", "big.harmoni"], folder, nil)
        case .save: return Child(harmoni, ["run", "save.harmoni"], folder, nil)
        case .replSave: return Child(harmoni, [], folder, replInput)
        }
    }

    func temporaries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    func write(_ text: String, _ path: String) { FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
    func read(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
}

/// A child process with its output thrown away and optional standard input.
struct Child {
    let pid: pid_t

    init(_ path: String, _ arguments: [String], _ folder: String, _ input: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["HOME"] = folder
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try? process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try? pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try? process.run()
        }
        pid = process.processIdentifier
        self.process = process
    }

    private let process: Process

    /// Waits for the child; its exit status.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
