#include "core/io/file_checks.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace cmap::io {

void throwCannotOpen(const std::string& name, int error) {
    if (error == ENOENT || error == ENOTDIR) throw DataError(name, "no such file");
    if (error == ELOOP) throw DataError(name, "cannot open: a loop of symbolic links");
    if (error == ENAMETOOLONG) throw DataError(name, "cannot open: the name is too long");
    throw DataError(name, std::string("cannot open: ") + std::strerror(error));
}

void requireExists(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throwCannotOpen(path.string(), errno);
}

}  // namespace cmap::io
