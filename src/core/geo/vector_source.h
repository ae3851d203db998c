#pragma once
// Opens any OGR vector dataset (Shapefile first; GeoPackage, GeoJSON, KML, CSV with lon/lat too)
// into an immutable FeatureSet in WGS 84 lon/lat.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/geo/feature_set.h"

namespace cmap::geo {

/// Loads one layer (the first when layer is empty), reprojected to EPSG:4326 when its CRS differs.
/// Throws DataError naming the file for a missing, truncated, unreadable or wrongly-typed dataset.
FeatureSetPtr loadVector(const std::filesystem::path& path, std::string_view layer = {});

/// Throws DataError(file, ...) when file names a URL, a GDAL virtual file system or a driver's
/// connection string ("https://...", "/vsicurl/...", "WFS:http://...") instead of a local file:
/// the program reads local files only, and GDAL is never handed such a name.
void refuseRemoteName(const std::string& file);

}  // namespace cmap::geo
