// The floor for process-start benchmarks: a bare Foundation program that prints one line.
import Foundation

FileHandle.standardOutput.write(Data("hello\n".utf8))
