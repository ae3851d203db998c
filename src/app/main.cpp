// conflictmap: command-line entry. Each command registers itself on the CLI11 app; the GUI
// opens when no command is given.
#include <cstdio>

#include "app/cli_common.h"
#include "app/commands.h"

int main(int argc, char** argv) {
    using namespace cmap::app;
    CLI::App app{"conflictmap: news articles to timeline-linked briefing maps"};
    app.set_version_flag("--version", "conflictmap 0.1.0");
    GlobalOptions global;
    app.add_option("--geodata", global.geodata, "Geodata folder (default: $CONFLICTMAP_GEODATA, then geodata/out)");
    app.add_flag("-v,--verbose", global.verbose, "Log progress and warnings in detail");

    CommandResult result;
    registerCommands(app, global, result);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 exits 0 for --help/--version and 106+ for usage errors; usage errors are bad input.
        int code = app.exit(e);
        return code == 0 ? kOk : kBadInput;
    }
    if (result.run) return guarded(result.run);
    return guarded([&] { return runDefault(global); });
}
