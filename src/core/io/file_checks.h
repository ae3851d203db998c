#pragma once
// Why an input file cannot be opened, in words: a loop of symbolic links or a name too long is
// not "no such file".
#include <filesystem>
#include <string>

namespace cmap::io {

/// Throws DataError(name, ...) for the error number of a failed open or stat: "no such file",
/// "cannot open: a loop of symbolic links", "cannot open: the name is too long", else the
/// system's words.
[[noreturn]] void throwCannotOpen(const std::string& name, int error);

/// Throws as throwCannotOpen when path cannot be looked at (stat fails); returns when it exists.
void requireExists(const std::filesystem::path& path);

}  // namespace cmap::io
