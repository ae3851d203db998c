// conflictmap: command-line entry. Each command registers itself on the CLI11 app; the GUI
// opens when no command is given.
#include <cerrno>
#include <cstdio>
#include <cstring>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/malloc_tuning.h"

int main(int argc, char** argv) {
    cmap::app::restartWithHugePageMalloc(argv);
#ifdef __GLIBC__
    // Blocks of 128 KiB and more are mapped for themselves and unmapped when freed. glibc would
    // otherwise raise that threshold to the size of each large block freed (up to 32 MiB), and
    // later blocks of that size (a million events' columns and their copies, GL buffers,
    // textures) came from its heaps, where freeing them returned nothing: which blocks raised it
    // depends on the threads' timing. The heaps keep up to 4 MiB free at their top, so that a
    // frame's own allocations do not shrink and regrow them every frame.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
#endif
    using namespace cmap::app;
    CLI::App app{"conflictmap: news articles to timeline-linked briefing maps"};
    app.set_version_flag("--version", "conflictmap 0.1.0");
    GlobalOptions global;
    app.add_option("--geodata", global.geodata, "Geodata folder (default: $CONFLICTMAP_GEODATA, then ../share/conflictmap/geodata beside the executable, or the source tree's geodata/out for a build)");
    app.add_flag("-v,--verbose", global.verbose, "Log progress and warnings in detail");

    CommandResult result;
    registerCommands(app, global, result);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 exits 0 for --help/--version; usage errors are bad input, told in one line (CLI11
        // would add a second one).
        if (e.get_exit_code() == 0) return app.exit(e);
        std::fprintf(stderr, "conflictmap: %s (see --help)\n", e.what());
        return kBadInput;
    }
    const int code = result.run ? guarded(result.run) : guarded([&] { return runDefault(global); });
    // Output that never arrived (a full disk, a closed pipe) must not pass for success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        if (code == kOk) std::fprintf(stderr, "conflictmap: standard output: cannot write: %s\n", std::strerror(errno));
        return code == kOk ? kBadInput : code;
    }
    return code;
}
