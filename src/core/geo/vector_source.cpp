#include "core/geo/vector_source.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include "core/error.h"
#include "core/geo/gdal_library.h"
#include "core/geo/gdal_setup.h"
#include "core/io/file_checks.h"
#include "core/log.h"
#include "core/text/decode.h"

namespace cmap::geo {
namespace {

GeometryKind kindOf(const GdalLibrary& gdal, OGRwkbGeometryType t) {
    switch (gdal.OGR_GT_Flatten(t)) {
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::Point;
    case wkbLineString:
    case wkbMultiLineString: return GeometryKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon: return GeometryKind::Polygon;
    default: return GeometryKind::None;
    }
}

class Flattener {
public:
    Flattener(const GdalLibrary& gdal, FeatureSetBuilder& fs) : gdal_(gdal), fs_(fs) {}

    void geometry(OGRGeometryH g) {
        if (!g || gdal_.OGR_G_IsEmpty(g)) return;
        const OGRwkbGeometryType type = gdal_.OGR_GT_Flatten(gdal_.OGR_G_GetGeometryType(g));
        switch (type) {
        case wkbPoint:
            push({gdal_.OGR_G_GetX(g, 0), gdal_.OGR_G_GetY(g, 0)});
            fs_.ringStart.push_back(static_cast<uint32_t>(fs_.coords.size()));
            endPart();
            break;
        case wkbLineString:
            ring(g);
            endPart();
            break;
        case wkbPolygon:
            // The exterior ring, then the holes.
            for (int i = 0; i < gdal_.OGR_G_GetGeometryCount(g); ++i) ring(gdal_.OGR_G_GetGeometryRef(g, i));
            endPart();
            break;
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < gdal_.OGR_G_GetGeometryCount(g); ++i) geometry(gdal_.OGR_G_GetGeometryRef(g, i));
            break;
        default: {
            // Curves and other exotic types: linearize, then flatten.
            GdalGeometry linear(gdal_.OGR_G_GetLinearGeometry(g, 0, nullptr), gdal_.OGR_G_DestroyGeometry);
            if (linear && gdal_.OGR_GT_Flatten(gdal_.OGR_G_GetGeometryType(linear.get())) != type) geometry(linear.get());
        }
        }
    }

    BBox box;
    std::optional<LonLat> outside;  ///< the first vertex that is not a longitude/latitude

private:
    void ring(OGRGeometryH curve) {
        // One call for all the vertices rather than two per vertex through the function table.
        std::vector<LonLat>& points = ringPoints_;
        points.resize(static_cast<size_t>(gdal_.OGR_G_GetPointCount(curve)));
        if (!points.empty())
            gdal_.OGR_G_GetPoints(curve, &points[0].lon, sizeof(LonLat), &points[0].lat, sizeof(LonLat), nullptr, 0);
        for (LonLat p : points) push(p);
        // Closed rings repeat their first vertex; the consumers close rings themselves.
        if (fs_.kind == GeometryKind::Polygon && points.size() > 1 && points.front().lon == points.back().lon &&
            points.front().lat == points.back().lat)
            fs_.coords.pop_back();
        fs_.ringStart.push_back(static_cast<uint32_t>(fs_.coords.size()));
    }
    void endPart() { fs_.partStart.push_back(static_cast<uint32_t>(fs_.ringStart.size() - 1)); }

    void push(LonLat p) {
        // Reprojection can land a hair past the edge of the world; anything further is not lon/lat.
        constexpr double kSlack = 1e-6;
        // Kept even then (the caller throws after the geometry): ring() counts on every vertex.
        if (!(std::abs(p.lon) <= 180 + kSlack && std::abs(p.lat) <= 90 + kSlack)) {
            if (!outside) outside = p;
        } else {
            p = {std::clamp(p.lon, -180.0, 180.0), std::clamp(p.lat, -90.0, 90.0)};
        }
        fs_.coords.push_back(p);
        box.extend(p);
    }
    const GdalLibrary& gdal_;
    FeatureSetBuilder& fs_;
    std::vector<LonLat> ringPoints_;  ///< reused: one allocation for all the rings of a file
};

std::string lowerExtension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// GDAL opens a shapefile without its .dbf (no attributes) and names a missing .shx with advice
// about its own settings; either way the user needs to hear which file is missing.
void requireShapefileParts(const std::filesystem::path& shp) {
    if (lowerExtension(shp) != ".shp") return;
    for (const char* part : {".shx", ".dbf"}) {
        auto lower = shp, upper = shp;
        lower.replace_extension(part);
        std::string up = part;
        std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        upper.replace_extension(up);
        std::error_code ec;
        if (!std::filesystem::exists(lower, ec) && !std::filesystem::exists(upper, ec))
            throw DataError(lower.string(), "missing; " + shp.filename().string() + " cannot be read without it");
    }
}

// A CSV's points come from its coordinate columns under the names people give them; GDAL's CSV
// driver otherwise reads only a WKT column, and such a layer would draw nothing.
constexpr const char* kCsvOpenOptions[] = {"X_POSSIBLE_NAMES=lon,long,lng,longitude,x",
                                           "Y_POSSIBLE_NAMES=lat,latitude,y", nullptr};

std::string coordinateText(LonLat p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%g, %g)", p.lon, p.lat);
    return buf;
}

}  // namespace

FeatureSetPtr loadVector(const std::filesystem::path& path, std::string_view layerName) {
    const std::string file = path.string();
    refuseRemoteName(file);
    io::requireExists(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec) && path.extension() != ".gdb")
        throw DataError(file, "is a folder, not a vector file");
    requireShapefileParts(path);

    const GdalLibrary& gdal = gdalLibrary(file);
    QuietGdalErrors errors(gdal);
    const char* const* options = lowerExtension(path) == ".csv" ? kCsvOpenOptions : nullptr;
    GdalDataset ds(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr),
                   gdal.GDALClose);
    if (!ds) {
        std::string why = errors.failure();
        throw DataError(file, why.empty() ? "not a readable vector dataset" : why);
    }
    if (gdal.GDALDatasetGetLayerCount(ds.get()) == 0) throw DataError(file, "contains no vector layer");
    OGRLayerH layer = layerName.empty() ? gdal.GDALDatasetGetLayer(ds.get(), 0)
                                        : gdal.GDALDatasetGetLayerByName(ds.get(), std::string(layerName).c_str());
    if (!layer) throw DataError(file, "has no layer named '" + std::string(layerName) + "'");

    FeatureSetBuilder fs;
    fs.path = file;
    fs.layer = gdal.OGR_L_GetName(layer);
    fs.kind = kindOf(gdal, gdal.OGR_L_GetGeomType(layer));

    // Reproject to lon/lat WGS 84 when the layer says it is in another CRS.
    OGRSpatialReferenceH srs = gdal.OGR_L_GetSpatialRef(layer);
    const GdalTransformation toWgs84 = transformationToWgs84(gdal, srs, file);

    OGRFeatureDefnH defn = gdal.OGR_L_GetLayerDefn(layer);
    const int nFields = gdal.OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < nFields; ++i) fs.fieldNames.emplace_back(gdal.OGR_Fld_GetNameRef(gdal.OGR_FD_GetFieldDefn(defn, i)));
    fs.columns.resize(static_cast<size_t>(nFields));
    if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);

    GIntBig expected = gdal.OGR_L_GetFeatureCount(layer, FALSE);
    // The count is what the file claims (a GeoPackage's header can say anything): reserve no more
    // than a plausible layer, and let a larger one grow.
    if (expected > 0) {
        const auto reserve = static_cast<size_t>(std::min<GIntBig>(expected, GIntBig{1} << 20));
        for (auto& c : fs.columns) c.reserve(reserve);
        fs.featureBox.reserve(reserve);
    }

    Flattener flat(gdal, fs);
    bool recoded = false;
    gdal.OGR_L_ResetReading(layer);
    for (;;) {
        GdalFeature f(gdal.OGR_L_GetNextFeature(layer), gdal.OGR_F_Destroy);
        // A truncated or corrupt file shows up as a failure on the way, not only as a null.
        if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);
        if (!f) break;
        for (int i = 0; i < nFields; ++i) {
            std::string value = gdal.OGR_F_IsFieldSetAndNotNull(f.get(), i) ? gdal.OGR_F_GetFieldAsString(f.get(), i) : "";
            // Attribute tables without a declared encoding are often Latin-1 or Windows-1252;
            // labels must be UTF-8.
            if (!text::isValidUtf8(value)) {
                value = text::toUtf8(value);
                recoded = true;
            }
            fs.columns[static_cast<size_t>(i)].push_back(value);
        }
        // Only an error names the feature.
        auto feature = [&] { return "feature " + std::to_string(gdal.OGR_F_GetFID(f.get())); };
        OGRGeometryH g = gdal.OGR_F_GetGeometryRef(f.get());
        if (g && toWgs84 && gdal.OGR_G_Transform(g, toWgs84.get()) != OGRERR_NONE)
            throw DataError(file, feature() + " cannot be reprojected to WGS 84");
        const GeometryKind kind = g ? kindOf(gdal, gdal.OGR_G_GetGeometryType(g)) : GeometryKind::None;
        if (fs.kind == GeometryKind::None) fs.kind = kind;
        if (kind != fs.kind && kind != GeometryKind::None) throw DataError(file, "mixes geometry types (" + feature() + ")");
        flat.box = BBox{};
        flat.geometry(g);
        if (flat.outside)
            throw DataError(file, feature() + " has a vertex at " + coordinateText(*flat.outside) +
                                      ", which is not a longitude/latitude" +
                                      (srs ? "" : "; the file does not say its coordinate system (a .prj is missing?)"));
        fs.featureBox.push_back(flat.box);
        fs.box.extend(flat.box);
        fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
    }
    const size_t read = fs.featureStart.size() - 1;
    if (expected >= 0 && static_cast<GIntBig>(read) < expected)
        throw DataError(file, "truncated: read " + std::to_string(read) + " of " + std::to_string(expected) + " features");
    if (recoded) log::warn(file + ": attribute text is not valid UTF-8; read as Windows-1252");
    return std::move(fs).finish();
}

}  // namespace cmap::geo
