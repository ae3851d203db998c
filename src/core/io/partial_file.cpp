#include "core/io/partial_file.h"

#include <unistd.h>

#include <string>
#include <system_error>

#include "core/error.h"

namespace cmap::io {

std::filesystem::path partialPath(const std::filesystem::path& path) {
    return path.parent_path() /
           ("." + path.stem().string() + ".partial-" + std::to_string(::getpid()) + path.extension().string());
}

void commitPartial(const std::filesystem::path& partial, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) throw DataError(path.string(), "cannot write: " + ec.message());
}

}  // namespace cmap::io
