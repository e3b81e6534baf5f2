import Foundation

/// A worker process started with `posix_spawn` and reaped with `waitpid` by this code alone.
///
/// Foundation's `Process` is not used for workers: on Linux it notices a child's end through a
/// socket the child inherits, so a crashed worker whose descendants (the Swift backtracer) still
/// hold it, or a killed one, could stay unreaped while the supervisor waited (the harness bug of
/// the first documented run). Here the pipe and the error file are close-on-exec in this process,
/// the backtracer is off in the worker (a crash ends it at once, with its signal), and every
/// worker is reaped exactly once, by ``reap()`` or ``reapIfEnded()``.
struct Worker {
    let pid: pid_t
    /// The read end of the worker's standard output.
    let output: Int32

    /// How a worker ended.
    enum End: Equatable {
        case exited(Int32)
        case signalled(Int32)

        init(status: Int32) {
            // WIFEXITED / WEXITSTATUS / WTERMSIG, which Glibc does not export to Swift.
            if status & 0x7F == 0 { self = .exited((status >> 8) & 0xFF) } else { self = .signalled(status & 0x7F) }
        }
    }

    /// Starts `executable` with `arguments`; standard input from /dev/null, standard output into
    /// a pipe (``output``), standard error into the file at `errors`. Nil if it could not start.
    static func start(_ executable: String, _ arguments: [String], errors: String) -> Worker? {
        var fds: [Int32] = [0, 0]
        // pipe2 is not exported to Swift; the supervisor starts no other process meanwhile.
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let errorFile = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard errorFile >= 0 else {
            close(fds[0]); close(fds[1])
            return nil
        }
        defer {
            close(fds[1])
            close(errorFile)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            close(fds[0])
            return nil
        }
        return Worker(pid: pid, output: fds[0])
    }

    /// Waits for the worker to end and reaps it (retrying on EINTR); closes ``output``.
    func reap() -> End {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
        }
        close(output)
        return End(status: status)
    }

    /// Reaps the worker if it has ended (``output`` stays open, to be drained); nil if it runs.
    func reapIfEnded() -> End? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid ? End(status: status) : nil
    }

    /// The worker's CPU time (user and system) in microseconds, from /proc; nil if unreadable.
    func cpuMicroseconds() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (name) ": fields 3… of proc(5); utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return (user + system) * 1_000_000 / Int(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Kills the worker with SIGKILL and reaps it.
    func kill() -> End {
        Glibc.kill(pid, SIGKILL)
        return reap()
    }
}

/// Children of this process that have ended but are not reaped (zombies), from /proc.
func zombieChildren() -> Int {
    let me = getpid()
    var zombies = 0
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where entry.first?.isNumber == true {
        guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { continue }
        // After "pid (name) ": state, then the parent's pid.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, fields[0] == "Z", Int32(fields[1]) == me { zombies += 1 }
    }
    return zombies
}
