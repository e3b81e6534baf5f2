import CReadline
import Foundation
import Harmoni
import Synchronization

/// What tab completion offers. readline's completion callback is a C function that cannot
/// capture, so it reads this global; the loop refreshes it before each prompt.
private let completionState = Mutex<CompletionContext?>(nil)

/// Reads lines with GNU readline: editing, in-memory history (the loop keeps the file), tab
/// completion through ``Completion``, and Ctrl-C that cancels the line. The only file that
/// imports `CReadline`.
final class ReadlineLineReader: LineReader {
    var completionContext: CompletionContext? {
        get { completionState.withLock { $0 } }
        set { completionState.withLock { $0 = newValue } }
    }

    init() {
        // readline keeps these pointers: copies that live as long as the process.
        harmoni_set_readline_name(strdup("harmoni"))
        let breaks = strdup(Completion.wordBreakCharacters)
        harmoni_set_basic_word_breaks(breaks)
        harmoni_set_completer_word_breaks(breaks)
        harmoni_set_completion(complete)
        rl_variable_bind("enable-bracketed-paste", "off")
        harmoni_install_interrupt_handling()
    }

    func readLine(prompt: String) -> LineReadResult {
        harmoni_clear_interrupt()
        let raw = readline(prompt)
        let interrupted = harmoni_take_interrupt() != 0
        guard let raw else {
            if interrupted { return .interrupted }
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .endOfInput
        }
        let line = String(cString: raw)
        free(raw)
        return interrupted ? .interrupted : .line(line)
    }

    func addHistory(_ entry: String) {
        add_history(entry)
    }
}

/// readline's completion callback: the candidates for the word `text`, which ends at byte `end`
/// of the line. Returns a malloc'd, NULL-terminated array of strdup'd strings (readline frees
/// them): the common prefix first, then the candidates; NULL when there are none.
private func complete(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    harmoni_set_completion_over(1)
    guard let context = completionState.withLock({ $0 }), let buffer = harmoni_line_buffer() else { return nil }
    let bytes = Array(String(cString: buffer).utf8.prefix(Int(max(0, end))))
    let word = text.map { String(cString: $0) } ?? ""
    let result = Completion.complete(String(decoding: bytes, as: UTF8.self), context: context)
    let candidates = result.candidates.filter { $0.text.hasPrefix(word) }
    guard !candidates.isEmpty else { return nil }
    let suffix = candidates.count == 1 ? candidates[0].suffix.utf8.first.map(Int32.init) ?? 0 : 0
    harmoni_set_completion_append(suffix)
    let texts = candidates.count == 1 ? [candidates[0].text] : [Completion.commonPrefix(candidates.map(\.text))] + candidates.map(\.text)
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (texts.count + 1)
    guard let memory = malloc(size) else { return nil }
    let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: texts.count + 1)
    for (index, text) in texts.enumerated() { array[index] = strdup(text) }
    array[texts.count] = nil
    return array
}
