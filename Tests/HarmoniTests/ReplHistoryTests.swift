import Foundation
import Testing

@testable import Harmoni

@Suite("REPL history file")
struct ReplHistoryTests {
    @Test("The history lives in XDG_STATE_HOME when it is absolute, else in ~/.local/state")
    func paths() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/harmoni/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/harmoni/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/harmoni/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test("A multi-line entry with backslashes is one line in the file and comes back whole")
    func encoding() {
        let entry = "let x = (1 +\n2) # a \\ b \\n"
        let encoded = HistoryFile.encode(entry)
        #expect(!encoded.contains("\n"))
        #expect(HistoryFile.decode(encoded) == entry)
    }

    @Test("Appending creates the folder, skips a repeat of the newest entry and keeps the newest entries")
    func append() throws {
        let folder = ReplFixtures.temporaryFolder()
        let history = HistoryFile(path: folder + "/state/harmoni/history", limit: 3)
        for entry in ["a", "b", "b", "c\nd", "e"] { try history.append(entry) }
        #expect(history.load() == ["b", "c\nd", "e"])
        #expect(HistoryFile(path: folder + "/none").load().isEmpty)
    }

    @Test("On a terminal the loop loads the history into the reader and records each entry, multi-line ones whole")
    func loopRecords() throws {
        let folder = ReplFixtures.temporaryFolder()
        let history = HistoryFile(path: folder + "/history")
        try history.append("print 40 + 2")
        let (loop, reader, _) = ReplFixtures.loop(lines: ["let x = (1 +", "2)", ".mode", "", "help print"], interactive: true)
        loop.history = history
        _ = loop.run()
        #expect(reader.history == ["print 40 + 2", "let x = (1 +\n2)", ".mode", "help print"])
        #expect(history.load() == ["print 40 + 2", "let x = (1 +\n2)", ".mode", "help print"])
    }

    @Test("Piped input is not written to the history")
    func pipedNotRecorded() {
        let folder = ReplFixtures.temporaryFolder()
        let (loop, reader, _) = ReplFixtures.loop(lines: ["print 1"])
        loop.history = HistoryFile(path: folder + "/history")
        _ = loop.run()
        #expect(reader.history.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/history"))
    }
}
