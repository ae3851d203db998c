#include "core/geo/gdal_setup.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>

#include <mutex>

namespace cmap::geo {

void registerGdalDrivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Shapefiles with a .cpg are decoded by it; without one, assume UTF-8 rather than
        // Latin-1 garbling names.
        CPLSetConfigOption("SHAPE_ENCODING", "");
    });
}

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

std::string QuietGdalErrors::failure() {
    std::string msg;
    if (CPLGetLastErrorType() >= CE_Failure) msg = CPLGetLastErrorMsg();
    CPLErrorReset();
    return msg;
}

}  // namespace cmap::geo
