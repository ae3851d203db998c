#include "core/geo/gdal_library.h"

#include "core/shared_libraries.h"

namespace cmap::geo {
namespace {

GdalLibrary open(const std::string& forFile) {
    // CMAP_GDAL_SONAME comes from CMake: the soname of the libgdal built against, whose ABI the
    // headers describe.
    const SharedLibraries gdal({CMAP_GDAL_SONAME}, forFile);
    GdalLibrary lib;
#define CMAP_GDAL_LOAD(name) lib.name = reinterpret_cast<decltype(lib.name)>(gdal.function(#name));
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
