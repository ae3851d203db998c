#pragma once
// What every use of GDAL in the core shares: GDAL's per-thread error state collected instead of
// printed, so a failure becomes one DataError line; lon/lat WGS 84.
#include <string>

#include "core/geo/gdal_library.h"

namespace cmap::geo {

/// While alive, GDAL errors on this thread are kept quiet; failure() hands out the last one.
class QuietGdalErrors {
public:
    explicit QuietGdalErrors(const GdalLibrary& gdal);
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
    /// The last failure message since the previous check, or empty; first of all a remote source
    /// GDAL was refused (gdalLibrary()), which may have failed quietly. Throws nothing.
    std::string failure();

private:
    const GdalLibrary& gdal_;
};

/// WGS 84 with longitude first, the order every FeatureSet and event table holds. Throws nothing.
GdalSrs lonLatWgs84(const GdalLibrary& gdal);

/// The transformation from srs to lonLatWgs84(); null when srs is null (taken as lon/lat) or
/// already WGS 84. Throws DataError naming file when GDAL cannot convert between them.
GdalTransformation transformationToWgs84(const GdalLibrary& gdal, OGRSpatialReferenceH srs, const std::string& file);

}  // namespace cmap::geo
