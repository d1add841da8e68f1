import DashboardModel
internal import TOMLKit

/// Reads `settings.toml` (TOML, through TOMLKit) into `Settings`. Every problem is a `SettingsError` at the key's line
/// and column: a syntax error, an unknown key (an error, not a warning: a misspelt `[thresholds.abandon-rate]` would
/// otherwise silently watch nothing), a value of the wrong type or out of its range.
public enum SettingsParser {
    public static let rootKeys = ["views", "thresholds", "abandon-rule", "theme", "mouse"]

    public static func parse(_ text: String, file: String) throws -> Settings {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                .syntax(error.description))
        } catch {
            throw SettingsError(file: file, .syntax(String(describing: error)))
        }
        let reader = Reader(file: file, locator: TOMLKeyLocator(text))
        var settings = Settings()
        for key in reader.ordered(root.keys, in: []) {
            guard let value = root[key] else { continue }
            switch key {
            case "views": settings.views = try reader.views(value)
            case "thresholds": settings.thresholds = try reader.thresholds(value)
            case "abandon-rule":
                guard let rule = value.string else {
                    throw reader.error([key], .wrongType(path: key, expected: "a string", found: Reader.typeName(value)))
                }
                guard let known = AbandonRule(rawValue: rule) else {
                    throw reader.error([key], .badValue(path: key, reason: "takes " + Settings.abandonRules.joined(separator: " or ")))
                }
                settings.abandonRule = known
            case "theme":
                guard let name = value.string else {
                    throw reader.error([key], .wrongType(path: key, expected: "a string", found: Reader.typeName(value)))
                }
                guard let theme = ThemeName(rawValue: name) else {
                    throw reader.error([key], .badValue(path: key, reason: "takes " + ThemeName.names.joined(separator: ", ")))
                }
                settings.theme = theme
            case "mouse":
                guard let on = value.bool else {
                    throw reader.error([key], .wrongType(path: key, expected: "true or false", found: Reader.typeName(value)))
                }
                settings.mouse = on
            default:
                throw reader.error([key], .unknownKey(path: key, accepted: rootKeys))
            }
        }
        return settings
    }

    private struct Reader {
        let file: String
        let locator: TOMLKeyLocator

        func error(_ path: [String], _ problem: SettingsError.Problem) -> SettingsError {
            let place = locator.position(path)
            return SettingsError(file: file, line: place?.line, column: place?.column, problem)
        }

        /// Keys in the order the file writes them (TOMLKit gives them sorted).
        func ordered(_ keys: [String], in path: [String]) -> [String] {
            keys.enumerated().sorted { a, b in
                let la = locator.position(path + [a.element]), lb = locator.position(path + [b.element])
                let ka = (la?.line ?? Int.max, la?.column ?? 0, a.offset), kb = (lb?.line ?? Int.max, lb?.column ?? 0, b.offset)
                return ka < kb
            }.map(\.element)
        }

        static func typeName(_ value: TOMLValueConvertible) -> String {
            switch value.type {
            case .table: "a table"
            case .array: "an array"
            case .string: "a string"
            case .int: "an integer"
            case .double: "a floating-point number"
            case .bool: "a boolean"
            case .date: "a date"
            case .time: "a time"
            case .dateTime: "a date-time"
            }
        }

        func table(_ value: TOMLValueConvertible, _ path: [String], expected: String) throws -> TOMLTable {
            guard let table = value.table else {
                throw error(path, .wrongType(path: path.joined(separator: "."), expected: expected, found: Self.typeName(value)))
            }
            return table
        }

        // MARK: Views

        func views(_ value: TOMLValueConvertible) throws -> [SavedView] {
            let views = try table(value, ["views"], expected: "a table of views ([views.NAME])")
            var out: [SavedView] = []
            for name in ordered(views.keys, in: ["views"]) {
                guard let body = views[name] else { continue }
                let path = ["views", name]
                guard SavedView.isValidName(name) else {
                    throw error(path, .badValue(path: "views." + name,
                                                reason: "a view's name takes 1 to 40 letters, digits, - and _"))
                }
                let keys = try table(body, path, expected: "a table of filter keys")
                var entries: [SavedView.Entry] = []
                for key in ordered(keys.keys, in: path) {
                    guard let raw = keys[key] else { continue }
                    let keyPath = path + [key]
                    let dotted = keyPath.joined(separator: ".")
                    guard let viewKey = ViewKey(rawValue: key) else {
                        throw error(keyPath, .unknownKey(path: dotted, accepted: ViewKey.allCases.map(\.rawValue)))
                    }
                    let value = try viewValue(raw, key: viewKey, path: keyPath)
                    let place = locator.position(keyPath)
                    entries.append(.init(key: viewKey, value: value, line: place?.line, column: place?.column))
                }
                out.append(SavedView(name: name, entries: entries, line: locator.position(path)?.line))
            }
            return out
        }

        func viewValue(_ raw: TOMLValueConvertible, key: ViewKey, path: [String]) throws -> ViewValue {
            let dotted = path.joined(separator: ".")
            func wrong(_ expected: String) -> SettingsError {
                error(path, .wrongType(path: dotted, expected: expected, found: Self.typeName(raw)))
            }
            switch key {
            case .last:
                if let n = raw.int { return .number(n) }
                if let s = raw.string { return .text(s) }
                throw wrong("a whole number of days")
            case .allDates:
                guard let on = raw.bool else { throw wrong("true or false") }
                return .flag(on)
            case .from, .to, .tz:
                guard let s = raw.string else { throw wrong(key == .tz ? "a string (an IANA zone name)" : "a string (YYYY-MM-DD)") }
                return .text(s)
            default:
                if let s = raw.string { return .list([s]) }
                guard let array = raw.array else { throw wrong("a string or an array of strings") }
                var items: [String] = []
                for element in array {
                    guard let s = element.string else { throw wrong("a string or an array of strings") }
                    items.append(s)
                }
                return .list(items)
            }
        }

        // MARK: Thresholds

        func thresholds(_ value: TOMLValueConvertible) throws -> Thresholds {
            let figures = try table(value, ["thresholds"], expected: "a table of figures ([thresholds.NAME])")
            var out = Thresholds()
            for name in ordered(figures.keys, in: ["thresholds"]) {
                guard let body = figures[name] else { continue }
                let path = ["thresholds", name]
                guard let figure = ThresholdFigure(rawValue: name) else {
                    throw error(path, .unknownKey(path: "thresholds." + name, accepted: ThresholdFigure.allCases.map(\.rawValue)))
                }
                let sides = try table(body, path, expected: "a table with above or below (above = { warn = ..., alert = ... })")
                let directions = ThresholdDirection.allCases.map(\.rawValue)
                for key in sides.keys where !directions.contains(key) {
                    throw error(path + [key], .unknownKey(path: "thresholds.\(name).\(key)", accepted: directions))
                }
                guard sides.keys.count == 1, let side = sides.keys.first, let direction = ThresholdDirection(rawValue: side),
                      let levelsValue = sides[side] else {
                    throw error(path, .badValue(path: "thresholds." + name,
                                                reason: sides.keys.isEmpty ? "needs above or below" : "takes above or below, not both"))
                }
                out[figure] = try rule(levelsValue, figure: figure, direction: direction, path: path + [side])
            }
            return out
        }

        func rule(_ value: TOMLValueConvertible, figure: ThresholdFigure, direction: ThresholdDirection, path: [String]) throws -> ThresholdRule {
            let dotted = path.joined(separator: ".")
            let levels = try table(value, path, expected: "a table of levels ({ warn = ..., alert = ... })")
            var rule = ThresholdRule(direction)
            for key in ordered(levels.keys, in: path) {
                guard let raw = levels[key] else { continue }
                let keyPath = path + [key]
                guard key == "warn" || key == "alert" else {
                    throw error(keyPath, .unknownKey(path: dotted + "." + key, accepted: ["warn", "alert"]))
                }
                guard let number = raw.double ?? raw.int.map(Double.init), number.isFinite else {
                    throw error(keyPath, .wrongType(path: dotted + "." + key, expected: "a number", found: Self.typeName(raw)))
                }
                if figure.isFraction, !(0...1).contains(number) {
                    throw error(keyPath, .badValue(path: dotted + "." + key, reason: "a share from 0 to 1 (3% is 0.03)"))
                }
                if number < 0 {
                    throw error(keyPath, .badValue(path: dotted + "." + key,
                                                   reason: figure == .pending ? "a count of 0 or more" : "minutes, 0 or more"))
                }
                if key == "warn" { rule.warn = number } else { rule.alert = number }
            }
            guard rule.warn != nil || rule.alert != nil else {
                throw error(path, .badValue(path: dotted, reason: "needs warn, alert or both"))
            }
            if let warn = rule.warn, let alert = rule.alert {
                let ordered = direction == .above ? warn <= alert : warn >= alert
                if !ordered {
                    throw error(path + ["warn"], .badValue(path: dotted, reason: direction == .above
                        ? "warn must not be above alert (an above rule warns first, at the lower level)"
                        : "warn must not be below alert (a below rule warns first, at the higher level)"))
                }
            }
            return rule
        }
    }
}
