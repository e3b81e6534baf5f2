/// The line a setting statement answers with, so that every setting confirms what it set
/// (`deflator 2020...2023 = 2 %` → «Deflator 2020...2023: 2 %.»).
enum SettingText {
    /// The confirmation in the session's language.
    static func confirm(_ nb: String, _ en: String, _ state: SessionState) -> [Output] {
        [.text(state.language == .nb ? nb : en)]
    }
}
