extension FileAccess {
    /// Writes `bytes` to `path` by the same all-or-nothing scheme as text (``AtomicWrite``), for
    /// binary exports (`.xlsx`). Refuses to replace an existing file unless `overwrite`.
    public static func writeAtomically(bytes: [UInt8], to path: String, overwrite: Bool) throws(FileWriteError) {
        try AtomicWrite.writeAll([FileWrite("", bytes: bytes, to: path, overwrite: overwrite)])
    }
}
