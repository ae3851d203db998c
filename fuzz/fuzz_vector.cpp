// Fuzz target: the vector loader (GDAL/OGR -> FeatureSet). The input becomes files on disk: the
// first byte picks GeoJSON, CSV or a shapefile; for a shapefile the rest holds its .shp, .shx,
// .dbf and .prj, each as a 16-bit little-endian length and that many bytes (a part cut short or
// missing is an empty file, which is left out). Any input either loads into a FeatureSet whose
// offset tables hold together, with finite lon/lat coordinates, or is a DataError naming it.
#include <cmath>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/geo/vector_source.h"
#include "fuzz_check.h"

namespace {

void checkFeatureSet(const cmap::geo::FeatureSet& fs) {
    using cmap::fuzz::check;
    const std::string problem = fs.problem();
    check(problem.empty(), problem.c_str());
    for (const auto& p : fs.coords)
        check(std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lon) <= 180 && std::abs(p.lat) <= 90,
              "a coordinate is not a finite longitude/latitude");
    for (size_t f = 0; f < fs.featureCount(); ++f) {
        const auto rp = fs.representativePoint(f);
        if (fs.featureStart[f] != fs.featureStart[f + 1] && fs.kind == cmap::geo::GeometryKind::Polygon)
            check(std::isfinite(rp.lon) && std::isfinite(rp.lat), "a representative point is not finite");
        (void)fs.contains(f, rp);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace cmap;
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::filesystem::path path;
    switch (data[0] % 3) {
    case 0: path = fuzz::writeTemp("in.geojson", rest); break;
    case 1: path = fuzz::writeTemp("in.csv", rest); break;
    default: {
        size_t at = 0;
        for (const char* ext : {"shp", "shx", "dbf", "prj"}) {
            std::string_view part;
            if (at + 2 <= rest.size()) {
                const size_t n = static_cast<uint8_t>(rest[at]) | static_cast<size_t>(static_cast<uint8_t>(rest[at + 1])) << 8;
                part = rest.substr(at + 2, n);
                at += 2 + part.size();
            }
            const auto p = fuzz::tempDir() / (std::string("in.") + ext);
            std::error_code ec;
            std::filesystem::remove(p, ec);
            if (!part.empty()) fuzz::writeTemp(p.filename().string(), part);
        }
        path = fuzz::tempDir() / "in.shp";
    }
    }
    try {
        checkFeatureSet(*geo::loadVector(path));
    } catch (const DataError& e) {
        // The file itself, or the part of a shapefile that is missing (in.shx beside in.shp).
        auto named = std::filesystem::path(e.path());
        fuzz::check(named.replace_extension() == std::filesystem::path(path).replace_extension(),
                    "a vector error does not name the file");
    }
    return 0;
}
