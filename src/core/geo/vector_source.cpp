#include "core/geo/vector_source.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <system_error>

#include "core/error.h"
#include "core/geo/gdal_setup.h"
#include "core/log.h"
#include "core/text/decode.h"

namespace cmap::geo {
namespace {

GeometryKind kindOf(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
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
    explicit Flattener(FeatureSet& fs) : fs_(fs) {}

    void ring(const OGRSimpleCurve& curve) {
        int n = curve.getNumPoints();
        for (int i = 0; i < n; ++i) push({curve.getX(i), curve.getY(i)});
        // Closed rings repeat their first vertex; the consumers close rings themselves.
        if (fs_.kind == GeometryKind::Polygon && n > 1 && curve.getX(0) == curve.getX(n - 1) &&
            curve.getY(0) == curve.getY(n - 1)) {
            fs_.coords.pop_back();
        }
        fs_.ringStart.push_back(static_cast<uint32_t>(fs_.coords.size()));
    }
    void endPart() { fs_.partStart.push_back(static_cast<uint32_t>(fs_.ringStart.size() - 1)); }

    void geometry(const OGRGeometry* g) {
        if (!g || g->IsEmpty()) return;
        switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            auto* p = g->toPoint();
            push({p->getX(), p->getY()});
            fs_.ringStart.push_back(static_cast<uint32_t>(fs_.coords.size()));
            endPart();
            break;
        }
        case wkbLineString:
            ring(*g->toLineString());
            endPart();
            break;
        case wkbPolygon: {
            auto* poly = g->toPolygon();
            for (const auto* r : *poly) ring(*r);
            endPart();
            break;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const auto* sub : *g->toGeometryCollection()) geometry(sub);
            break;
        default: {
            // Curves and other exotic types: linearize, then flatten.
            std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
            if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g->getGeometryType()))
                geometry(linear.get());
        }
        }
    }

    BBox box;
    std::optional<LonLat> outside;  ///< the first vertex that is not a longitude/latitude

private:
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
    FeatureSet& fs_;
};

// GDAL opens a shapefile without its .dbf (no attributes) and names a missing .shx with advice
// about its own settings; either way the user needs to hear which file is missing.
void requireShapefileParts(const std::filesystem::path& shp) {
    std::string ext = shp.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".shp") return;
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

std::string coordinateText(LonLat p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%g, %g)", p.lon, p.lat);
    return buf;
}

}  // namespace

FeatureSetPtr loadVector(const std::filesystem::path& path, std::string_view layerName) {
    registerGdalDrivers();
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DataError(file, "no such file");
    if (std::filesystem::is_directory(path, ec) && path.extension() != ".gdb")
        throw DataError(file, "is a folder, not a vector file");
    requireShapefileParts(path);

    QuietGdalErrors errors;
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        std::string why = errors.failure();
        throw DataError(file, why.empty() ? "not a readable vector dataset" : why);
    }
    if (ds->GetLayerCount() == 0) throw DataError(file, "contains no vector layer");
    OGRLayer* layer = layerName.empty() ? ds->GetLayer(0) : ds->GetLayerByName(std::string(layerName).c_str());
    if (!layer) throw DataError(file, "has no layer named '" + std::string(layerName) + "'");

    auto fs = std::make_shared<FeatureSet>();
    fs->path = file;
    fs->layer = layer->GetName();
    fs->kind = kindOf(layer->GetGeomType());

    // Reproject to lon/lat WGS 84 when the layer says it is in another CRS.
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    const auto toWgs84 = transformationToWgs84(srs, file);

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int nFields = defn->GetFieldCount();
    for (int i = 0; i < nFields; ++i) fs->fieldNames.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    fs->columns.resize(static_cast<size_t>(nFields));
    if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);

    GIntBig expected = layer->GetFeatureCount(FALSE);
    if (expected > 0) {
        for (auto& c : fs->columns) c.reserve(static_cast<size_t>(expected));
        fs->featureBox.reserve(static_cast<size_t>(expected));
    }

    Flattener flat(*fs);
    bool recoded = false;
    layer->ResetReading();
    for (;;) {
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        // A truncated or corrupt file shows up as a failure on the way, not only as a null.
        if (std::string why = errors.failure(); !why.empty()) throw DataError(file, why);
        if (!f) break;
        for (int i = 0; i < nFields; ++i) {
            std::string value = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
            // Attribute tables without a declared encoding are often Latin-1 or Windows-1252;
            // labels must be UTF-8.
            if (!text::isValidUtf8(value)) {
                value = text::toUtf8(value);
                recoded = true;
            }
            fs->columns[static_cast<size_t>(i)].push_back(std::move(value));
        }
        OGRGeometry* g = f->GetGeometryRef();
        if (g && toWgs84 && g->transform(toWgs84.get()) != OGRERR_NONE)
            throw DataError(file, "feature " + std::to_string(f->GetFID()) + " cannot be reprojected to WGS 84");
        if (g && fs->kind == GeometryKind::None) fs->kind = kindOf(g->getGeometryType());
        if (g && kindOf(g->getGeometryType()) != fs->kind && kindOf(g->getGeometryType()) != GeometryKind::None)
            throw DataError(file, "mixes geometry types (feature " + std::to_string(f->GetFID()) + ")");
        flat.box = BBox{};
        flat.geometry(g);
        if (flat.outside)
            throw DataError(file, "feature " + std::to_string(f->GetFID()) + " has a vertex at " + coordinateText(*flat.outside) +
                                      ", which is not a longitude/latitude" +
                                      (srs ? "" : "; the file does not say its coordinate system (a .prj is missing?)"));
        fs->featureBox.push_back(flat.box);
        fs->box.extend(flat.box);
        fs->featureStart.push_back(static_cast<uint32_t>(fs->partStart.size() - 1));
    }
    if (expected >= 0 && static_cast<GIntBig>(fs->featureCount()) < expected)
        throw DataError(file, "truncated: read " + std::to_string(fs->featureCount()) + " of " +
                                  std::to_string(expected) + " features");
    if (recoded) log::warn(file + ": attribute text is not valid UTF-8; read as Windows-1252");
    return fs;
}

}  // namespace cmap::geo
