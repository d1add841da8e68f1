import DashboardModel
import SettingsTOML
import Testing

@Suite struct ThemeAndMouseSettingsTests {
    @Test func themeAndMouseAreRead() throws {
        let s = try SettingsParser.parse("theme = \"colorblind\"\nmouse = false\n", file: "s.toml")
        #expect(s.theme == .colorblind)
        #expect(s.mouse == false)
        let none = try SettingsParser.parse("abandon-rule = \"uk-24h\"\n", file: "s.toml")
        #expect(none.theme == nil && none.mouse == nil)
    }

    @Test func badValuesAreErrorsAtTheirPlace() {
        func failure(_ text: String) -> SettingsError? {
            do { _ = try SettingsParser.parse(text, file: "s.toml"); return nil } catch let e as SettingsError { return e } catch { return nil }
        }
        let theme = failure("\n theme = \"sepia\"\n")
        #expect(theme?.line == 2 && theme?.column == 2)
        #expect(theme?.problem == .badValue(path: "theme", reason: "takes dark, light, colorblind, mono"))
        let mouse = failure("mouse = \"no\"\n")
        #expect(mouse?.problem == .wrongType(path: "mouse", expected: "true or false", found: "a string"))
        #expect(failure("theme = 3\n")?.problem == .wrongType(path: "theme", expected: "a string", found: "an integer"))
    }
}
