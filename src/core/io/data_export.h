#pragma once
// Events and mentions (with where each came from: article, outlet, date, sentence) and the
// user's annotations as GIS files that QGIS and Google Earth open: GeoJSON, KML and GeoPackage, written through GDAL/OGR.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/model/annotation.h"
#include "core/model/document.h"

namespace cmap::io {

enum class DataFormat { GeoJson, Kml, GeoPackage };

/// The format an output file's extension names (.geojson, .kml, .gpkg, any case);
/// nullopt for any other. Throws nothing.
std::optional<DataFormat> dataFormatFor(const std::filesystem::path& path);

/// One article as exported: its document and, where there is one, a one-line summary per event
/// (the built-in briefing has them).
struct ExportedDocument {
    const model::Document* document = nullptr;
    const std::vector<std::string>* summaries = nullptr;  ///< per event, or null
};

struct DataExportCounts {
    size_t events = 0;
    size_t mentions = 0;
    size_t annotations = 0;
};

/// Writes layers "events" (a multipoint of each event's places), "mentions" (a point per mention:
/// the town, or the representative point of an area, with its kind) and "annotations" (a text's
/// point, a callout's leader line, an arrow's path, a range ring's geodesic circle, an area's
/// polygon). GeoPackage and KML get one layer (KML: folder) each; GeoJSON, which holds one collection, gets every feature with
/// a `layer` attribute naming its layer. The file is written beside out under a temporary name
/// and renamed over out, so a failure leaves nothing behind. Throws InputError for an extension
/// that names no format, DataError naming out when it cannot be written.
DataExportCounts exportData(const std::vector<ExportedDocument>& documents,
                            const std::vector<model::Annotation>& annotations, const std::filesystem::path& out);

}  // namespace cmap::io
