/// `sync` is a program of its own, `proactive-tui-sync`, installed beside `proactive-tui`: it alone holds the network
/// side (DataverseSync and its HTTP client: AsyncHTTPClient, SwiftNIO, BoringSSL; before them FoundationNetworking with
/// libcurl and about 29 libraries), which every start of every other command would otherwise load. `proactive-tui sync ...` hands its command line over to it (`SyncHandOver`, before the argument parser runs);
/// `proactive-tui --help` lists the command from these words, and the sync program's own parser uses them too.
public enum SyncProgram {
    /// The file name of the sync program, looked for in the directory of the running `proactive-tui`.
    public static let executableName = "proactive-tui-sync"
    /// The subcommand's name on both command lines.
    public static let commandName = "sync"
    public static let abstract = "Read the organization's proactive-engagement tables into the store and keep it current."
}
