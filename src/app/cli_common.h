#pragma once
// What every CLI command shares: global options, exit codes, the one error boundary.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace cmap::app {

enum Exit : int { kOk = 0, kInternal = 1, kBadInput = 2 };

struct GlobalOptions {
    std::string geodata;  ///< --geodata DIR, else $CONFLICTMAP_GEODATA, else the built-in default
    bool verbose = false;
};

/// The folder of the running executable (/proc/self/exe); empty where that cannot be read.
std::filesystem::path executableDir();

/// Whether the executable runs from a CMake build folder (a CMakeCache.txt beside it), which the
/// README's layout puts inside the source tree (build/, build-dev/, ...).
bool inBuildTree();

/// The geodata folder to use: the option, then $CONFLICTMAP_GEODATA, then the folder beside the
/// executable: ../share/conflictmap/geodata for an installed one, the source tree's geodata/out
/// (../geodata/out) for one in a build folder; where neither exists, the one for this kind of
/// executable, so that the loader's error ("...: no such geodata folder") names what was looked for.
std::filesystem::path geodataDir(const GlobalOptions& g);

/// The file name's extension in lower case, with its dot (".png"); empty when there is none.
std::string lowerExtension(const std::filesystem::path& path);

/// The number that all of text spells (as std::stod reads it); empty when it is not one or has
/// anything after it ("2x", ""). Range checks are the caller's, with the option's own message.
std::optional<double> parseNumber(const std::string& text);

/// --min-confidence's value: a number from 0 to 1; empty text gives none. Throws InputError naming
/// the option.
std::optional<double> parseMinConfidence(const std::string& text);

/// The help text of --min-confidence, the same for every command that takes it.
inline constexpr const char* kMinConfidenceHelp =
    "Leave out mentions the geoparser is less sure of than this, 0 to 1 (default: the workspace's, else 0)";

/// Checks that out is a file we may create: not a folder, in a folder that exists and that we
/// may write to. Throws DataError naming out.
void checkWritable(const std::filesystem::path& out);

/// Runs a command body and turns every cmap::Error into one stderr line and exit code 2,
/// anything else into exit code 1. The single place where the CLI catches.
int guarded(const std::function<int()>& body);

}  // namespace cmap::app
