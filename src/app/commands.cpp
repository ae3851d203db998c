#include "app/commands.h"

#include <cstdio>

namespace cmap::app {

void registerCommands(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    app.require_subcommand(0, 1);
    registerGazetteerCommand(app, global, result);
    registerGeoparseCommand(app, global, result);
    registerExportCommand(app, global, result);
}

int runDefault(const GlobalOptions&) {
    std::fprintf(stderr, "conflictmap: the viewer is not built yet; try 'conflictmap --help'\n");
    return kBadInput;
}

}  // namespace cmap::app
