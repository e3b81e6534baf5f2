import Foundation
import HarmoniFuzzing

/// Runs cases in a worker process (this program, `worker` mode) and watches it: a worker that
/// dies by a signal crashed on the case it last announced; one that spends more than
/// ``hangLimit`` seconds of CPU time on a case, or ``stuckLimit`` seconds of wall-clock time
/// (blocked), hangs on it and is killed. Either way a new worker goes on after it. CPU time, not
/// wall-clock time, is the measure of a hang because the harness runs `nice`d on a shared machine.
struct Supervisor {
    var target: Target
    var seed: UInt64
    var count: Int?
    var seconds: Double?
    /// A case that uses more CPU time than this (seconds) is a hang.
    static let hangLimit = 1.0
    /// A case that takes longer than this in wall-clock time (seconds) is a hang too (a worker
    /// blocked without using CPU).
    static let stuckLimit = 20.0
    /// The wall-clock time a worker may take to start and prepare before its first case.
    static let startLimit = 60.0

    struct Summary {
        var executions = 0
        var crashes: [(index: Int, message: String)] = []
        var hangs: [Int] = []
        var broken: [(index: Int, message: String)] = []
        var elapsed = 0.0
        /// Ended workers left unreaped when the run ended (must be 0).
        var zombies = 0
    }

    func run() -> Summary {
        var summary = Summary()
        let start = Date()
        let deadline = seconds.map { start.addingTimeInterval($0) }
        var next = 0
        while count.map({ next < $0 }) ?? true, deadline.map({ Date() < $0 }) ?? true {
            let last = count ?? (next + 1_000_000)
            next = runWorker(from: next, to: last, deadline: deadline, &summary)
        }
        summary.elapsed = Date().timeIntervalSince(start)
        summary.zombies = zombieChildren()
        return summary
    }

    /// One worker from `from` up to `to`; returns the next case to run. The worker is reaped
    /// before this returns, whatever way it ended (see ``Worker``).
    private func runWorker(from: Int, to: Int, deadline: Date?, _ summary: inout Summary) -> Int {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        var arguments = ["worker", target.rawValue, String(seed), String(from), String(to)]
        if let deadline { arguments.append(String(deadline.timeIntervalSince1970)) }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("harmoni-fuzz-\(getpid()).err").path
        defer { unlink(errors) }
        guard let worker = Worker.start(executable, arguments, errors: errors) else {
            print("harmoni-fuzz: could not start a worker: \(String(cString: strerror(errno)))")
            exit(2)
        }
        var current = from - 1
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var lastProgress = Date()
        // The worker's CPU time (µs) when it announced the current case.
        var caseCPU = 0
        var finished = false
        // Set once the worker is reaped while its pipe is still being drained.
        var ended: Worker.End?
        reading: while !finished {
            var poller = pollfd(fd: worker.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                let n = read(worker.output, &chunk, chunk.count)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                buffer += chunk[0..<n]
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<newline], as: UTF8.self)
                    buffer.removeSubrange(...newline)
                    if line == "done" {
                        finished = true
                    } else if line.hasPrefix("broken ") {
                        summary.broken.append((current, String(line.dropFirst(7))))
                    } else if case let fields = line.split(separator: " "), fields.count == 2,
                        let index = Int(fields[0]), let cpu = Int(fields[1])
                    {
                        summary.executions += 1
                        current = index
                        caseCPU = cpu
                        lastProgress = Date()
                    }
                }
            } else if ready < 0, errno == EINTR {
                continue
            } else if ended != nil {
                // Ended, and nothing more came: whatever still holds the pipe is not the worker.
                break reading
            } else if let end = worker.reapIfEnded() {
                ended = end
            } else if hangs(worker, since: lastProgress, cpu: caseCPU, started: current >= from) {
                _ = worker.kill()
                summary.hangs.append(current)
                return current + 1
            }
        }
        let end: Worker.End
        if let ended {
            close(worker.output)
            end = ended
        } else {
            end = worker.reap()
        }
        if finished, end == .exited(0) { return current + 1 }
        // The worker died without saying done: a crash on the case it announced last.
        let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let line = message.split(separator: "\n").first { $0.contains("Fatal error") || $0.contains("failure") } ?? ""
        let reason: String
        switch end {
        case .signalled(let signal): reason = "signal \(signal)"
        case .exited(let status): reason = "exit \(status)"
        }
        summary.crashes.append((current, "\(reason) \(line)"))
        return max(current + 1, from + 1)
    }

    /// True if the worker hangs on its case: more than ``hangLimit`` s of CPU time since it
    /// announced it (`cpu`, µs), or ``stuckLimit`` s of wall-clock time; before its first case
    /// (`started` false), more than ``startLimit`` s.
    private func hangs(_ worker: Worker, since: Date, cpu: Int, started: Bool) -> Bool {
        let wall = Date().timeIntervalSince(since)
        guard started else { return wall > Self.startLimit }
        guard wall > Self.hangLimit else { return false }
        if wall > Self.stuckLimit { return true }
        guard let now = worker.cpuMicroseconds() else { return false }
        return Double(now - cpu) / 1_000_000 > Self.hangLimit
    }
}

/// This process's CPU time in microseconds.
func processCPUMicroseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return time.tv_sec * 1_000_000 + time.tv_nsec / 1_000
}

/// `worker TARGET SEED FROM TO [DEADLINE]`: announces each case on standard output (`INDEX CPU`,
/// with its CPU time so far in µs), then runs it.
func runWorker(_ arguments: [String]) -> Never {
    guard arguments.count >= 4, let target = Target(rawValue: arguments[0]), let seed = UInt64(arguments[1]),
        let from = Int(arguments[2]), let to = Int(arguments[3])
    else { exit(2) }
    let deadline = arguments.count > 4 ? Double(arguments[4]) : nil
    let context = RunnerContext()
    // What every case needs (the runner's dataset) is loaded before the first case is announced,
    // so its time is not counted against the first case.
    if target == .runner { _ = context.session() }
    func say(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }
    let injected = InjectedFaults(ProcessInfo.processInfo.environment["HARMONI_FUZZ_INJECT"])
    var index = from
    while index < to {
        if let deadline, Date().timeIntervalSince1970 >= deadline { break }
        say("\(index) \(processCPUMicroseconds())")
        injected.apply(at: index)
        if let broken = target.run(target.input(seed: seed, index: index), context: context) { say("broken " + broken) }
        index += 1
    }
    say("done")
    exit(0)
}

/// Faults a worker makes on purpose, to test the supervisor: `HARMONI_FUZZ_INJECT=crash=5,hang=9`
/// crashes (a trap, as an overflow would) on case 5 and hangs on case 9. Not for ordinary runs.
struct InjectedFaults {
    var crash: Set<Int> = []
    var hang: Set<Int> = []

    init(_ text: String?) {
        for part in (text ?? "").split(separator: ",") {
            let pair = part.split(separator: "=")
            guard pair.count == 2, let index = Int(pair[1]) else { continue }
            if pair[0] == "crash" { crash.insert(index) } else if pair[0] == "hang" { hang.insert(index) }
        }
    }

    func apply(at index: Int) {
        if crash.contains(index) { fatalError("injected crash on case \(index)") }
        // Busy, as a runaway loop would be (its CPU time makes it a hang).
        if hang.contains(index) { while true { _ = processCPUMicroseconds() } }
    }
}
