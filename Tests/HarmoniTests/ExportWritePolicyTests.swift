import Foundation
import Testing

@testable import Harmoni

@Suite("Where statements may write (WritePolicy)")
struct ExportWritePolicyTests {
    /// A fresh folder with a `work` folder (the working directory) and an `outside` folder.
    struct Sandbox {
        let root: String
        var work: String { root + "/work" }
        var outside: String { root + "/outside" }
        init() throws {
            let real = WritePolicy.realPath(FileManager.default.temporaryDirectory.path) ?? "/tmp"
            root = real + "/harmoni-policy-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root + "/work", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        }
        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test("A relative path below the working directory is allowed, and missing folders are made")
    func relative() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let target = try WritePolicy.resolve("ut/2020/x.csv", workingDirectory: box.work, overwrite: false)
        #expect(target == box.work + "/ut/2020/x.csv")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: box.work + "/ut/2020", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try WritePolicy.resolve("./x.csv", workingDirectory: box.work, overwrite: false) == box.work + "/x.csv")
    }

    @Test("A path with .. is refused even when it would stay inside")
    func parent() throws {
        let box = try Sandbox()
        defer { box.remove() }
        #expect(throws: WritePolicyError.parentReference("../outside/x.csv")) {
            try WritePolicy.resolve("../outside/x.csv", workingDirectory: box.work, overwrite: false)
        }
        #expect(throws: WritePolicyError.parentReference("ut/../x.csv")) {
            try WritePolicy.resolve("ut/../x.csv", workingDirectory: box.work, overwrite: false)
        }
    }

    @Test("An absolute path outside is refused unless its folder is allowed")
    func absolute() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = box.outside + "/x.csv"
        #expect(throws: WritePolicyError.outside(path)) {
            try WritePolicy.resolve(path, workingDirectory: box.work, overwrite: false)
        }
        #expect(throws: WritePolicyError.outside("/etc/harmoni.csv")) {
            try WritePolicy.resolve("/etc/harmoni.csv", workingDirectory: box.work, overwrite: false)
        }
        #expect(try WritePolicy.resolve(path, workingDirectory: box.work, allowedFolders: [box.outside], overwrite: false) == path)
        #expect(try WritePolicy.resolve(box.work + "/y.csv", workingDirectory: box.work, overwrite: false) == box.work + "/y.csv")
    }

    @Test("A symbolic link that leads out is not followed, nor is a file that is a link")
    func symlinks() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createSymbolicLink(atPath: box.work + "/escape", withDestinationPath: box.outside)
        #expect(throws: WritePolicyError.outside("escape/x.csv")) {
            try WritePolicy.resolve("escape/x.csv", workingDirectory: box.work, overwrite: false)
        }
        #expect(throws: WritePolicyError.outside("escape/new/x.csv")) {
            try WritePolicy.resolve("escape/new/x.csv", workingDirectory: box.work, overwrite: false)
        }
        #expect(!FileManager.default.fileExists(atPath: box.outside + "/new"), "no folder was made outside")
        try FileManager.default.createSymbolicLink(atPath: box.work + "/link.csv", withDestinationPath: box.outside + "/target.csv")
        #expect(throws: WritePolicyError.symbolicLink("link.csv")) {
            try WritePolicy.resolve("link.csv", workingDirectory: box.work, overwrite: true)
        }
        try FileManager.default.createSymbolicLink(atPath: box.work + "/inside", withDestinationPath: box.work + "/real")
        try FileManager.default.createDirectory(atPath: box.work + "/real", withIntermediateDirectories: true)
        #expect(try WritePolicy.resolve("inside/x.csv", workingDirectory: box.work, overwrite: false) == box.work + "/real/x.csv")
    }

    @Test("An existing file is replaced only when overwriting is asked for; a folder never")
    func existing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Data("old".utf8).write(to: URL(fileURLWithPath: box.work + "/x.csv"))
        #expect(throws: WritePolicyError.exists("x.csv")) {
            try WritePolicy.resolve("x.csv", workingDirectory: box.work, overwrite: false)
        }
        #expect(try WritePolicy.resolve("x.csv", workingDirectory: box.work, overwrite: true) == box.work + "/x.csv")
        try FileManager.default.createDirectory(atPath: box.work + "/folder", withIntermediateDirectories: true)
        #expect(throws: WritePolicyError.notAFile("folder")) {
            try WritePolicy.resolve("folder", workingDirectory: box.work, overwrite: true)
        }
        #expect(throws: WritePolicyError.notAFile("ut/")) {
            try WritePolicy.resolve("ut/", workingDirectory: box.work, overwrite: true)
        }
        #expect(throws: WritePolicyError.empty) { try WritePolicy.resolve("", workingDirectory: box.work, overwrite: true) }
    }

    @Test("An atomic write replaces an existing file when asked, keeps it when not, and leaves no temporary file")
    func atomicWrite() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = box.work + "/x.csv"
        try FileAccess.writeAtomically("old", to: path, overwrite: false)
        #expect(throws: FileWriteError.exists(path)) { try FileAccess.writeAtomically("new", to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try FileAccess.writeAtomically("new", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.work) == ["x.csv"])
    }
}
