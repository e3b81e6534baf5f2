import Foundation

/// What the figures were measured on: cores, CPU model, memory, load, date and commit.
enum Machine {
    static func description(datasetFolder: String) -> String {
        let cpu = field("/proc/cpuinfo", "model name") ?? "unknown CPU"
        let memory = field("/proc/meminfo", "MemTotal").map { "\(($0.split(separator: " ").first.flatMap { Int($0) } ?? 0) / 1024) MB" }
        let date = ISO8601DateFormatter().string(from: Date())
        let commit = git(["rev-parse", "--short", "HEAD"], in: datasetFolder) ?? "unknown"
        let dirty = (git(["status", "--porcelain", "--untracked-files=no"], in: datasetFolder) ?? "").isEmpty ? "" : " (with uncommitted changes)"
        return """
            harmoni-bench \(date)
            machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(memory ?? "? MB") memory
            commit: \(commit)\(dirty); datasets: \(datasetFolder)
            \(load())
            """
    }

    /// The load averages (the machine is shared: a load near the core count slows every figure).
    static func load() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return "load average (1, 5, 15 min): " + text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private static func field(_ path: String, _ name: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
