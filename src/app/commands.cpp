#include "app/commands.h"

#include <cstdio>

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

void registerWithoutGl(CLI::App& app, CommandResult& result, const std::string& name, const std::string& description) {
    auto* cmd = app.add_subcommand(name, description + " (needs a build with the viewer)");
    cmd->allow_extras();
    cmd->callback([&result, name] {
        result.run = [name] {
            std::fprintf(stderr, "conflictmap: %s needs OpenGL; this build has none (CMAP_BUILD_GUI=OFF)\n", name.c_str());
            return kBadInput;  // as `view` in such a build: the request cannot be met, nothing failed
        };
    });
}

int runDefault(const GlobalOptions& global) { return runView(global); }

}  // namespace cmap::app
