#include "core/geo/gdal_library.h"

#include <dlfcn.h>

#include "core/error.h"

namespace cmap::geo {
namespace {

GdalLibrary open(const std::string& forFile) {
    // CMAP_GDAL_SONAME comes from CMake (the soname of the libgdal built against): its ABI is the
    // one the headers describe. Debian names a library's package after its soname.
    const std::string soname = CMAP_GDAL_SONAME;
    std::string package = soname;
    package.erase(package.find(".so."), 4);
    // Never closed: the functions are used until the program ends.
    void* handle = ::dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw DataError(forFile, "needs " + soname + ", which cannot be loaded (Debian package " + package + ")");
    GdalLibrary lib;
    auto find = [&](const char* name) -> void* {
        if (void* f = ::dlsym(handle, name)) return f;
        throw DataError(forFile, "needs GDAL's " + std::string(name) + ", which " + soname + " lacks");
    };
#define CMAP_GDAL_LOAD(name) lib.name = reinterpret_cast<decltype(lib.name)>(find(#name));
    CMAP_GDAL_FUNCTIONS(CMAP_GDAL_LOAD)
#undef CMAP_GDAL_LOAD
    lib.GDALAllRegister();
    // Shapefiles with a .cpg are decoded by it; without one, assume UTF-8 rather than Latin-1
    // garbling names.
    lib.CPLSetConfigOption("SHAPE_ENCODING", "");
    return lib;
}

}  // namespace

const GdalLibrary& gdalLibrary(const std::string& forFile) {
    // A static's initialisation runs once even with threads racing to it, and is tried again
    // when it threw.
    static const GdalLibrary lib = open(forFile);
    return lib;
}

}  // namespace cmap::geo
