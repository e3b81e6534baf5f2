import Foundation
import Glibc
import Testing

@testable import Harmoni

// Swift's Glibc module leaves out the XSI pseudo-terminal functions and the GNU spawn flag
// (their declarations need _XOPEN_SOURCE / _GNU_SOURCE); glibc has them, so declare them here.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptsname_r(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32
/// `POSIX_SPAWN_SETSID` from glibc's spawn.h: the child calls setsid() before the file actions.
private let spawnSetSID: Int16 = 0x80

/// The built `harmoni` running in a pseudo-terminal: the test types into the master side and
/// reads what the program writes to its screen. Every wait has a deadline; the child is killed
/// when the session is closed, so a hanging REPL fails the test instead of hanging it.
final class PseudoTerminalSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let master: Int32
    private var pid: pid_t = 0
    /// Everything the program wrote, as bytes.
    private var output: [UInt8] = []
    /// Everything the program wrote, as raw text (escape sequences included).
    var raw: String { String(decoding: output, as: UTF8.self) }
    /// Where ``waitFor(_:timeout:)`` starts looking.
    private var mark = 0
    private(set) var exitStatus: Int32?

    init(arguments: [String] = [], environment: [String: String], columns: UInt16 = 100) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0 else { throw Failure(description: "no pty") }
        var name = [CChar](repeating: 0, count: 128)
        guard ptsname_r(master, &name, name.count) == 0 else { throw Failure(description: "no ptsname") }
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        // The child starts a new session, and opening the slave then makes it the child's
        // controlling terminal, so Ctrl-C typed on the master reaches it as SIGINT.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block signals; the child starts with none blocked and
        // SIGINT at its default.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, spawnSetSID | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let path = Executable.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            Glibc.close(master)
            throw Failure(description: "posix_spawn failed: \(spawned)")
        }
    }

    deinit { close() }

    /// Types text as if on a keyboard (`\r` is Enter, `\t` Tab, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D).
    /// Wait for a prompt first: between prompts the terminal is in cooked mode, where the line
    /// discipline would swallow a Ctrl-D.
    func type(_ text: String) {
        mark = output.count
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The screen text since the last ``type(_:)``, without escape sequences and carriage returns.
    var recent: String { Self.clean(String(decoding: output[mark...], as: UTF8.self)) }

    /// Waits until `text` appears in the output since the last ``type(_:)``; false on timeout.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if recent.contains(text) { return true }
            pump(milliseconds: 100)
        }
        return recent.contains(text)
    }

    /// Waits for the program to exit; its exit status, or nil on timeout.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil, Date() < deadline {
            pump(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        pump(milliseconds: 0)
        return exitStatus
    }

    /// Reads what is available within the time given.
    private func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { output += buffer[0..<count] }
    }

    /// Kills the program if it still runs and releases the terminal.
    func close() {
        if exitStatus == nil, pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = -1
        }
        if master >= 0 { Glibc.close(master) }
    }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
    }
}

@Suite("The REPL in a pseudo-terminal")
struct ReplPTYTests {
    @Test("Completion, an error with its caret, Ctrl-C, Ctrl-D, and history recalled in a second session")
    func twoSessions() throws {
        let home = ReplFixtures.temporaryFolder()
        let state = home + "/state"
        var environment = [
            "HOME": home, "XDG_STATE_HOME": state, "TERM": "dumb", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        ]

        let first = try PseudoTerminalSession(environment: environment)
        defer { first.close() }
        try #require(first.waitFor("harmoni> "), "no prompt: \(first.raw)")
        #expect(first.recent.contains("Skriv «help» for hjelp"))

        first.type("prin\t")
        #expect(first.waitFor("print "), "completion: \(first.recent)")
        first.type("40 + 2\r")
        #expect(first.waitFor("\n42\nharmoni> "), "\(first.recent)")

        first.type("print 1 kr + 5 %\r")
        #expect(first.waitFor("^~~~~~~~~~\nharmoni> "), "\(first.recent)")
        #expect(first.recent.contains("<repl>:1:7: feil: kan ikke bruke «+»"))
        #expect(first.recent.contains("  1 | print 1 kr + 5 %\n    |       ^~~~~~~~~~\n"))
        #expect(!first.raw.contains("\u{1B}[1;31m"), "NO_COLOR is set")

        first.type("print (1 +\r")
        #expect(first.waitFor("...> "), "\(first.recent)")
        first.type("\u{3}")
        #expect(first.waitFor("^C\nharmoni> "), "Ctrl-C: \(first.recent)")
        first.type("print 5\r")
        #expect(first.waitFor("\n5\nharmoni> "), "the cancelled continuation is gone: \(first.recent)")

        first.type("\u{4}")
        #expect(first.waitForExit() == 0, "Ctrl-D leaves: \(first.raw)")
        let history = HistoryFile(path: state + "/harmoni/history").load()
        #expect(history == ["print 40 + 2", "print 1 kr + 5 %", "print 5"])

        environment["NO_COLOR"] = nil
        let second = try PseudoTerminalSession(environment: environment)
        defer { second.close() }
        try #require(second.waitFor("harmoni> "), "no prompt: \(second.raw)")
        second.type("\u{1B}[A")
        #expect(second.waitFor("print 5"), "up-arrow recalls the newest entry: \(second.recent)")
        second.type("\u{1B}[A\u{1B}[A\r")
        #expect(second.waitFor("\n42\nharmoni> "), "three up-arrows recall the first session's first entry: \(second.recent)")
        second.type("print 1 kr + 5 %\r")
        #expect(second.waitFor("^~~~~~~~~~\nharmoni> "), "\(second.recent)")
        #expect(second.raw.contains("\u{1B}[1;31mfeil\u{1B}[0m"), "colours on a terminal without NO_COLOR")
        second.type("quit\r")
        #expect(second.waitForExit() == 0, "\(second.raw)")
    }

    @Test("Norwegian statements, «mente du», completion by position, .save into a new folder, and the pager")
    func helpsAlong() throws {
        let home = ReplFixtures.temporaryFolder()
        let environment = [
            "HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "dumb", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
            "PAGER": "sed s/^/SIDE:/",
        ]
        let session = try PseudoTerminalSession(environment: environment, columns: 60)
        defer { session.close() }
        try #require(session.waitFor("harmoni> "), "no prompt: \(session.raw)")

        session.type("harmoniser sfo.* til askr\r")
        #expect(session.waitFor("harmoni> "), "\(session.recent)")
        #expect(session.recent.contains("ukjent kommune «askr»; mente du asker?"), "\(session.recent)")

        session.type("harmoniser sfo.* t\t\t")
        #expect(session.waitFor("til"), "to/til offered after the target: \(session.recent)")
        #expect(session.recent.contains("to"))
        #expect(!session.recent.contains("trygghetsalarm"), "not every word: \(session.recent)")
        session.type("il as\t")
        #expect(session.waitFor("asker "), "a municipality after til: \(session.recent)")
        session.type("\r")
        #expect(session.waitFor("harmoni[*]> "), "\(session.recent)")
        #expect(session.recent.contains("Vedtak #1 SFO: alle satser settes til Askers nivå"))

        session.type("vis budsjett\r")
        #expect(session.waitFor("harmoni[*]> "), "\(session.recent)")
        #expect(session.recent.contains("SIDE:Skyggebudsjett"), "a table wider than 60 columns goes through $PAGER: \(session.recent)")

        // An absolute path: the child runs in the test's working directory.
        let target = home + "/nye/mapper/sfo.harmoni"
        session.type(".save \"\(target)\"\r")
        #expect(session.waitFor("harmoni[sfo]> "), "\(session.recent)")
        #expect(session.recent.contains("Lagret 1 vedtak i «\(target)»."))
        #expect(FileManager.default.fileExists(atPath: target), "the missing folders were made")
        session.type("quit\r")
        #expect(session.waitForExit() == 0, "\(session.raw)")
    }
}
