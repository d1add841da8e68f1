/// How the sync process allocates. glibc serves a large block (a 2.8 MB page of rows, its conversations, a joined run
/// of pages) from its heap once a freed one has raised its mmap threshold, and the heap then keeps the freed
/// blocks' pages: a 1M-delivery first sync peaked at 303-325 MB resident with the dynamic threshold, 229 MB with a
/// fixed one of 256 KiB (blocks above it are mapped and given back whole when freed), at the same speed.
public enum SyncProcessMemory {
    public static func returnLargeBlocks() {
        #if os(Linux)
        // M_MMAP_THRESHOLD of <malloc.h>, a value glibc has kept since 2.0.
        _ = glibcMallopt(-3, 256 << 10)
        #endif
    }
}

#if os(Linux)
/// glibc's `int mallopt(int param, int value)`, which the Glibc module does not bring (it does not import
/// <malloc.h>): the C symbol, declared with its C signature.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
