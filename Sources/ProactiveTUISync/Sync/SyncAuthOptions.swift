import ArgumentParser
import DataverseSync
import Foundation

/// How `sync` authenticates: client credentials (`--tenant`, `--client-id`, the secret from
/// `PROACTIVE_TUI_CLIENT_SECRET` or `--client-secret-file`), `--token-command`, or `--device-login`.
struct SyncAuthOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The identity platform (sovereign clouds: e.g. https://login.microsoftonline.us).", valueName: "url"))
    var authority: String = "https://login.microsoftonline.com"
    @Option(help: ArgumentHelp("The Entra ID tenant (id or domain) of the app registration.", valueName: "tenant"))
    var tenant: String?
    @Option(name: .customLong("client-id"), help: ArgumentHelp("The application (client) id.", valueName: "id"))
    var clientID: String?
    @Option(name: .customLong("client-secret-file"), help: ArgumentHelp(
        "A file holding the client secret, readable only by its owner (else $PROACTIVE_TUI_CLIENT_SECRET).", valueName: "path"))
    var clientSecretFile: String?
    @Option(name: .customLong("token-command"), help: ArgumentHelp(
        "A command that prints a bearer token, run with /bin/sh -c (e.g. az account get-access-token --resource ORG --query accessToken -o tsv).",
        valueName: "command"))
    var tokenCommand: String?
    @Flag(name: .customLong("device-login"), help: "Sign in as a person with a device code (needs --client-id of a public client).")
    var deviceLogin = false

    enum Method {
        case clientCredentials(tenant: String, clientID: String, secret: String)
        case tokenCommand(String)
        case deviceLogin(tenant: String, clientID: String)
    }

    /// The method the flags name, or a usage error naming the flag.
    func method(environment: [String: String]) throws -> Method {
        // --tenant belongs to client credentials and to --device-login (the person's tenant); a secret file only to
        // client credentials.
        let chosen = [tokenCommand != nil, deviceLogin, (tenant != nil && !deviceLogin) || clientSecretFile != nil].filter { $0 }.count
        if chosen > 1 || (tokenCommand != nil && clientID != nil) {
            throw ValidationError("--token-command, --device-login and --tenant/--client-id/--client-secret-file are different ways to sign in: give one")
        }
        if let command = tokenCommand {
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--token-command: the command is empty") }
            return .tokenCommand(command)
        }
        if deviceLogin {
            guard let clientID, !clientID.isEmpty else { throw ValidationError("--device-login needs --client-id (a public client's application id)") }
            return .deviceLogin(tenant: tenant ?? "organizations", clientID: clientID)
        }
        guard let tenant, !tenant.isEmpty else {
            throw ValidationError("--tenant is missing: sign in with --tenant and --client-id (client credentials), --token-command, or --device-login")
        }
        guard let clientID, !clientID.isEmpty else { throw ValidationError("--client-id is missing (the application id of the app registration)") }
        let secret: String?
        do { secret = try SecretSource.read(file: clientSecretFile, environment: environment) } catch let error as TokenError {
            throw ValidationError(error.description)
        }
        guard let secret else {
            throw ValidationError("no client secret: set \(SecretSource.environmentVariable) or give --client-secret-file (never the secret itself as a flag)")
        }
        return .clientCredentials(tenant: tenant, clientID: clientID, secret: secret)
    }

    func authorityURL() throws -> URL {
        do { return try EndpointPolicy.serviceURL(authority, flag: "--authority") } catch let refusal as EndpointPolicy.Refusal {
            throw ValidationError(refusal.description)
        }
    }
}
