#pragma once
// Libraries opened at run time by soname, for heavy dependencies that only some commands use:
// linked, their own dependencies' symbol relocations cost every command's start-up (GDAL and
// FFmpeg together about 60 ms; PROJ, with curl, GnuTLS and Kerberos behind it, 15-30 ms). The caller gets each function it needs by name and types it
// with decltype from the headers it was built against, whose soname it opens.
#include <string>
#include <vector>

namespace cmap {

class SharedLibraries {
public:
    /// Opens each soname, for good (their functions are used until the program ends).
    /// Throws DataError(forFile, "needs SONAME, which cannot be loaded (Debian package P)"),
    /// Debian naming a library's package after its soname ("libgdal.so.32": libgdal32).
    SharedLibraries(const std::vector<std::string>& sonames, const std::string& forFile);

    /// The function `name` from the first library that has it. Throws DataError(forFile, ...)
    /// when none has: a library of another build than the headers.
    void* function(const char* name) const;

private:
    std::vector<void*> handles_;
    std::string names_;  ///< the sonames, for messages
    std::string forFile_;
};

}  // namespace cmap
