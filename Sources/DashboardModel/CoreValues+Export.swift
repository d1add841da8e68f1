// The model's API speaks in these values (a `LocalDate` range, `TextSafety` for what it quotes): whoever imports the
// model sees them too.
@_exported import CoreValues
