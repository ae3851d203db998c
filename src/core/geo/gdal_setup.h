#pragma once
// What every use of GDAL in the core shares: the drivers registered once, and GDAL's per-thread
// error state collected instead of printed, so a failure becomes one DataError line; lon/lat WGS 84.
#include <ogr_spatialref.h>

#include <memory>
#include <string>

namespace cmap::geo {

/// Registers GDAL's drivers (once per process; later calls do nothing). Throws nothing.
void registerGdalDrivers();

/// While alive, GDAL errors on this thread are kept quiet; failure() hands out the last one.
class QuietGdalErrors {
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
    /// The last failure message since the previous check, or empty. Throws nothing.
    std::string failure();
};

/// WGS 84 with longitude first, the order every FeatureSet and event table holds. Throws nothing.
OGRSpatialReference lonLatWgs84();

/// The transformation from srs to lonLatWgs84(); nullptr when srs is null (taken as lon/lat) or
/// already WGS 84. Throws DataError naming file when GDAL cannot convert between them.
std::unique_ptr<OGRCoordinateTransformation> transformationToWgs84(const OGRSpatialReference* srs,
                                                                   const std::string& file);

}  // namespace cmap::geo
