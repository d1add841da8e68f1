import CommandSupport
import DashboardModel
import Foundation
import Testing
@testable import ProactiveTUI

/// The command line words the store's typed errors: what to run to get a store.
@Suite struct ErrorTextTests {
    @Test func aMissingStoreSaysWhatToRun() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        let error = try #require(throws: StoreMissing.self) { try DeliveryStore.openForReading(path: path) }
        #expect(error == StoreMissing(path: path, fileIsEmpty: false))
        #expect(ErrorText.describe(error) == "no store at \(path): create one with `proactive-tui import FILE...` or "
            + "`proactive-tui demo`, or name one with --db")
        #expect(StoreMissing(path: "/x", fileIsEmpty: true).commandLineText.hasPrefix("no store at /x (the file is empty): create one with"))
        #expect(ErrorText.describe(FilterError.moreThanOneRange) == "choose one of --last, --all-dates, or --from/--to")
        #expect(ErrorText.describe(StoreIsDirectory(path: "/var/data")) == "/var/data is a directory: name the store's file, e.g. --db /var/data/store.sqlite")
        #expect(ErrorText.worded(StoreError("x")) == nil)
    }
}
