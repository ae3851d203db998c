#include "core/geo/gdal_setup.h"

#include "core/error.h"
#include "core/geo/vector_source.h"

namespace cmap::geo {

QuietGdalErrors::QuietGdalErrors(const GdalLibrary& gdal) : gdal_(gdal) {
    gdal_.CPLPushErrorHandler(gdal_.CPLQuietErrorHandler);
    gdal_.CPLErrorReset();
    refusedRemoteSource();
}

QuietGdalErrors::~QuietGdalErrors() { gdal_.CPLPopErrorHandler(); }

std::string QuietGdalErrors::failure() {
    if (std::string remote = refusedRemoteSource(); !remote.empty()) {
        gdal_.CPLErrorReset();
        return "refers to a remote source (" + remote + "); conflictmap reads local files only";
    }
    std::string msg;
    if (gdal_.CPLGetLastErrorType() >= CE_Failure) msg = gdal_.CPLGetLastErrorMsg();
    gdal_.CPLErrorReset();
    return msg;
}

void refuseRemoteName(const std::string& file) {
    if (isRemoteOrVirtualName(file))
        throw DataError(file, "is a URL or a GDAL connection string, not a local file; conflictmap reads local files only");
}

GdalSrs lonLatWgs84(const GdalLibrary& gdal) {
    GdalSrs wgs84(gdal.OSRNewSpatialReference(nullptr), gdal.OSRDestroySpatialReference);
    gdal.OSRSetWellKnownGeogCS(wgs84.get(), "WGS84");
    gdal.OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return wgs84;
}

GdalTransformation transformationToWgs84(const GdalLibrary& gdal, OGRSpatialReferenceH srs, const std::string& file) {
    GdalTransformation none(nullptr, gdal.OCTDestroyCoordinateTransformation);
    if (!srs) return none;
    const GdalSrs wgs84 = lonLatWgs84(gdal);
    if (gdal.OSRIsSame(srs, wgs84.get())) return none;
    GdalTransformation t(gdal.OCTNewCoordinateTransformation(srs, wgs84.get()), gdal.OCTDestroyCoordinateTransformation);
    if (!t) throw DataError(file, "its coordinate system cannot be converted to WGS 84");
    return t;
}

}  // namespace cmap::geo
