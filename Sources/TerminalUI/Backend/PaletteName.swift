/// The backend's palettes: which colours `ColorPalette` gives the roles (`mono`: none). The app maps the settings'
/// `ThemeName` onto it (`PaletteName(theme:)`), so the backend needs nothing of the model.
public enum PaletteName: String, CaseIterable, Hashable, Sendable {
    case dark, light, colorblind, mono
}
