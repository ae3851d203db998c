#include "app/commands.h"

namespace cmap::app {

void registerCommands(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    app.require_subcommand(0, 1);
    registerGazetteerCommand(app, global, result);
    registerGeoparseCommand(app, global, result);
    registerViewCommand(app, global, result);
    registerExportCommand(app, global, result);
    registerExportDataCommand(app, global, result);
    registerAnimateCommand(app, global, result);
}

int runDefault(const GlobalOptions& global) { return runView(global); }

}  // namespace cmap::app
