#include "core/geo/gdal_setup.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>

#include <mutex>

#include "core/error.h"

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

OGRSpatialReference lonLatWgs84() {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return wgs84;
}

std::unique_ptr<OGRCoordinateTransformation> transformationToWgs84(const OGRSpatialReference* srs,
                                                                   const std::string& file) {
    if (!srs) return nullptr;
    const OGRSpatialReference wgs84 = lonLatWgs84();
    if (srs->IsSame(&wgs84)) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(srs, &wgs84));
    if (!t) throw DataError(file, "its coordinate system cannot be converted to WGS 84");
    return t;
}

}  // namespace cmap::geo
