/// Characters that change how text is shown without showing themselves: the bidirectional
/// controls (U+202E turns `fil‮vsc.exe` around on screen) and the zero-width characters. A
/// message, a file name or a printed text shows each as `<U+202E>`, so what a user reads is what
/// is there; a file name with one is refused before anything is written.
public enum InvisibleText {
    /// True for a bidirectional control or a zero-width character.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// True if `text` has one of the characters ``isInvisible(_:)`` finds.
    public static func contains(_ text: String) -> Bool { text.unicodeScalars.contains(where: isInvisible) }

    /// `text` with each invisible character written as `<U+XXXX>`.
    public static func escaped(_ text: String) -> String {
        guard contains(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
