import Foundation
import HarmoniFuzzing

// harmoni-fuzz: the reliability harness (docs/RELIABILITY.md). Build in release:
//   swift build -c release --product harmoni-fuzz
//   .build/release/harmoni-fuzz front  --seed 1 --seconds 60     (or --count N)
//   .build/release/harmoni-fuzz runner --seed 1 --seconds 60
//   .build/release/harmoni-fuzz front  --seed 1 --case 17          (print and run one case)
//   .build/release/harmoni-fuzz kill   --seed 1 --count 1000
//   .build/release/harmoni-fuzz soak   --seed 1 --count 10000
// Exit status 0 when nothing broke, 1 otherwise.

signal(SIGPIPE, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "worker" { runWorker(Array(arguments.dropFirst())) }

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let usage = "usage: harmoni-fuzz front|runner|kill|soak [--seed N] [--count N] [--seconds S] [--case N] [--report-only]\n"
guard let command = arguments.first else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let seed = option("--seed").flatMap(UInt64.init) ?? 1
let count = option("--count").flatMap(Int.init)
let seconds = option("--seconds").flatMap(Double.init)
// Crashes are reported but do not fail the run (for a target with known, unfixed crashes).
let reportOnly = arguments.contains("--report-only")
let harmoni = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("harmoni").path

switch command {
case "front", "runner":
    let target = Target(rawValue: command)!
    if let index = option("--case").flatMap(Int.init) {
        let input = target.input(seed: seed, index: index)
        print(input, terminator: "")
        print("--- \(target.run(input, context: RunnerContext()) ?? "ok")")
        exit(0)
    }
    let summary = Supervisor(target: target, seed: seed, count: count ?? (seconds == nil ? 1_000 : nil), seconds: seconds).run()
    let rate = Double(summary.executions) / max(summary.elapsed, 0.001)
    print(
        "harmoni-fuzz \(command): seed \(seed), \(summary.executions) executions in \(String(format: "%.1f", summary.elapsed)) s "
            + "(\(Int(rate))/s), \(summary.crashes.count) crashes, \(summary.hangs.count) hangs (> 1 s CPU), \(summary.broken.count) broken promises, \(summary.zombies) unreaped workers")
    for crash in summary.crashes.prefix(20) {
        print("  crash: case \(crash.index) (\(crash.message)); replay: harmoni-fuzz \(command) --seed \(seed) --case \(crash.index)")
    }
    for hang in summary.hangs.prefix(20) { print("  hang: case \(hang); replay: harmoni-fuzz \(command) --seed \(seed) --case \(hang)") }
    for broken in summary.broken.prefix(20) {
        print("  broken: case \(broken.index): \(broken.message); replay: harmoni-fuzz \(command) --seed \(seed) --case \(broken.index)")
    }
    let failed = !summary.hangs.isEmpty || summary.zombies > 0 || !summary.broken.isEmpty || (!summary.crashes.isEmpty && !reportOnly)
    exit(failed ? 1 : 0)
case "kill":
    let summary = KillTest(seed: seed, count: count ?? 30, harmoni: harmoni).run()
    print(
        "harmoni-fuzz kill: seed \(seed), \(summary.kills) kills: \(summary.old) old, \(summary.complete) complete, \(summary.torn) torn; "
            + "temporary files right after a kill: \(summary.leftAfterKill), after the next write: \(summary.leftAfterNextWrite)")
    exit(summary.torn == 0 && summary.leftAfterNextWrite == 0 ? 0 : 1)
case "soak":
    let summary = Soak(seed: seed, lines: count ?? 10_000, harmoni: harmoni).run()
    let expected = summary.accepted - summary.undone
    print(
        "harmoni-fuzz soak: seed \(seed), \(summary.lines) lines in \(String(format: "%.1f", summary.seconds)) s, exit \(summary.status)"
            + "\(summary.crashed ? " (signal)" : ""), \(summary.accepted) decisions accepted, \(summary.undone) undone, "
            + "\(summary.saved.map(String.init) ?? "none") saved (expected \(expected))")
    exit(!summary.crashed && summary.saved == expected ? 0 : 1)
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
