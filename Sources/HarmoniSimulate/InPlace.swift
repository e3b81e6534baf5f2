extension Array {
    /// Calls `body` with a pointer to each element, in order: the element is read where it is
    /// instead of being copied out of the array (a copy of a ledger line or catalog item retains
    /// every string and array in it). The pointers are valid only inside `body`.
    func forEachInPlace(_ body: (Int, UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<buffer.count { body(i, base + i) }
        }
    }

    /// Calls `body` with a pointer to the element at `index` (read in place, not copied).
    func withElement<Result>(at index: Int, _ body: (UnsafePointer<Element>) -> Result) -> Result {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, index >= 0, index < buffer.count else {
                preconditionFailure("index \(index) out of range (callers pass catalog positions)")
            }
            return body(base + index)
        }
    }

    /// Reorders the elements so that the element at `order[k]` ends at `k`, by swapping (the
    /// elements are moved, never copied). `order` must be a permutation of the indices.
    mutating func permute(by order: [Int]) {
        var placed = Array<Bool>(repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            for start in buffer.indices where !placed[start] {
                var j = start
                while order[j] != start {
                    buffer.swapAt(j, order[j])
                    placed[j] = true
                    j = order[j]
                }
                placed[j] = true
            }
        }
    }
}
