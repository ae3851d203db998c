#pragma once
// Registration of the CLI commands. A parsed command leaves its body in CommandResult::run so
// that main() runs it inside the single error boundary.
#include <CLI/CLI.hpp>

#include <functional>

#include "app/cli_common.h"

namespace cmap::app {

struct CommandResult {
    std::function<int()> run;
};

void registerCommands(CLI::App& app, GlobalOptions& global, CommandResult& result);
void registerGazetteerCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);
void registerGeoparseCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);
void registerViewCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);
/// The viewer with nothing given: the built-in briefing.
int runView(const GlobalOptions& global);
void registerExportCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);
void registerAnimateCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);
void registerExportDataCommand(CLI::App& app, GlobalOptions& global, CommandResult& result);

/// For a build without GL: the command name exists, takes anything, and says that it needs
/// OpenGL (exit 1), instead of being an unknown command.
void registerWithoutGl(CLI::App& app, CommandResult& result, const std::string& name, const std::string& description);

/// No command: open the viewer on the built-in briefing (or explain why it cannot).
int runDefault(const GlobalOptions& global);

}  // namespace cmap::app
