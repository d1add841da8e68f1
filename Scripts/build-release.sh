#!/bin/sh
# The release programs as the README's figures measure them: `swift build -c release --static-swift-stdlib` (the
# Swift runtime and Foundation linked in), with the C++ standard library linked in too when its archive is there.
# Linked dynamically, libstdc++ is one more library to map and relocate at every start, and the 800-odd
# references to its type-info tables from the runtime's and ICU's C++ are each looked up by name before `main`;
# linked in, the linker resolves them. Arguments are passed on to `swift build` (e.g. --product proactive-tui).
set -eu
archive=$(c++ -print-file-name=libstdc++.a 2>/dev/null || clang -print-file-name=libstdc++.a 2>/dev/null || true)
case "$archive" in
/*)
    # ld takes the first directory that holds the library; this one holds only the archive.
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    ln -s "$archive" "$dir/libstdc++.a"
    swift build -c release --static-swift-stdlib -Xlinker -L"$dir" "$@"
    ;;
*)
    echo "build-release: no libstdc++.a (g++'s development files): libstdc++ stays a shared library" >&2
    swift build -c release --static-swift-stdlib "$@"
    ;;
esac
