import DataverseStandIn
import Foundation

// dataverse-standin [--port P] [--deliveries N] [--seed S] [--secret-file PATH] [--no-conversations 1]
// Serves a generated organization on 127.0.0.1 until killed, for the end-to-end tests and the sync benchmark.
// Prints one line: `listening http://127.0.0.1:PORT tenant=T client-id=C`. The client secret is written to
// --secret-file (mode 0600), never printed.

var port: UInt16 = 0
var settings = StandInOrg.Settings()
settings.adminEndpoints = true
var secretFile: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dataverse-standin: \(message)\n".utf8))
    exit(2)
}
while let argument = arguments.next() {
    guard let value = arguments.next() else { fail("\(argument) needs a value") }
    switch argument {
    case "--port": port = UInt16(value) ?? { fail("--port: not a port: \(value)") }()
    case "--deliveries": settings.deliveries = Int(value) ?? { fail("--deliveries: not a number: \(value)") }()
    case "--seed": settings.seed = UInt64(value) ?? { fail("--seed: not a number: \(value)") }()
    case "--secret-file": secretFile = value
    case "--no-conversations": settings.linkConversations = value != "1"
    default: fail("unknown option \(argument) (accepted: --port, --deliveries, --seed, --secret-file, --no-conversations 1)")
    }
}
if let secretFile {
    FileManager.default.createFile(atPath: secretFile, contents: Data(settings.clientSecret.utf8), attributes: [.posixPermissions: 0o600])
}
let started = Date()
let org = StandInOrg(settings)
let server = try await StandInServer.start(org, port: port)
print("listening \(server.url.absoluteString) tenant=\(settings.tenant) client-id=\(settings.clientID) deliveries=\(settings.deliveries) generated-in=\(String(format: "%.1f", Date().timeIntervalSince(started)))s")
fflush(nil)  // every output stream: the line above reaches a pipe at once
while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
