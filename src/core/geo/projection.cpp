#include "core/geo/projection.h"

#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "core/error.h"
#include "core/shared_libraries.h"

namespace cmap::geo {
namespace {

// PROJ, opened when the first projection or geodesic is made rather than linked: linked, libproj
// and the forty-odd libraries behind it (curl, GnuTLS, Kerberos, SQLite, TIFF) cost every command
// their relocations at start-up, and geoparse and gazetteer lookups never project anything.
#define CMAP_PROJ_FUNCTIONS(F)                                                                                     \
    F(proj_as_proj_string) F(proj_context_create) F(proj_context_destroy) F(proj_context_errno)                   \
    F(proj_context_errno_string) F(proj_context_set_enable_network) F(proj_create)                                \
    F(proj_create_crs_to_crs_from_pj) F(proj_destroy) F(proj_errno_reset) F(proj_get_type) F(proj_is_crs)         \
    F(proj_log_level) F(proj_normalize_for_visualization) F(proj_trans_generic) F(geod_direct) F(geod_init)       \
    F(geod_inverse) F(geod_inverseline) F(geod_position)

struct ProjLibrary {
#define CMAP_PROJ_POINTER(name) decltype(&::name) name = nullptr;
    CMAP_PROJ_FUNCTIONS(CMAP_PROJ_POINTER)
#undef CMAP_PROJ_POINTER
};

// Opened once (safe from any thread); a failure throws DataError naming the library, and a later
// call tries again.
const ProjLibrary& proj() {
    static const ProjLibrary lib = [] {
        // CMAP_PROJ_SONAME comes from CMake: the soname of the libproj whose headers these are.
        const SharedLibraries so({CMAP_PROJ_SONAME}, "map projections");
        ProjLibrary l;
#define CMAP_PROJ_LOAD(name) l.name = reinterpret_cast<decltype(l.name)>(so.function(#name));
        CMAP_PROJ_FUNCTIONS(CMAP_PROJ_LOAD)
#undef CMAP_PROJ_LOAD
        return l;
    }();
    return lib;
}

struct ContextDeleter {
    void operator()(PJ_CONTEXT* c) const { proj().proj_context_destroy(c); }
};
struct PjDeleter {
    void operator()(PJ* p) const { proj().proj_destroy(p); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string lastError(PJ_CONTEXT* ctx) {
    const char* text = proj().proj_context_errno_string(ctx, proj().proj_context_errno(ctx));
    return text ? text : "unknown PROJ error";
}

[[noreturn]] void reject(std::string_view definition, std::string_view why) {
    throw ProjectionError(std::string(definition), std::string(why));
}

// What PROJ says when it cannot make a CRS of a definition, in words: for an unknown EPSG code
// and most malformed text it has only "Unknown error (code 4096)".
std::string unreadable(PJ_CONTEXT* ctx, const std::string& definition) {
    const std::string said = lastError(ctx);
    const bool vague = said.rfind("Unknown error", 0) == 0 || said == "unknown PROJ error";
    std::string upper = definition.substr(0, 5);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "EPSG:") {
        const std::string code = definition.substr(5);
        const bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
        return digits ? "EPSG code " + code + " is not in PROJ's database" : "'" + code + "' is not an EPSG code (a number)";
    }
    return vague ? "not a coordinate system PROJ can read (an EPSG:N code, a PROJ string or WKT)" : said;
}

// A bare "+proj=lcc ..." names an operation, not a CRS; users mean the CRS, as cs2cs does.
PjPtr createCrs(PJ_CONTEXT* ctx, const std::string& definition) {
    PjPtr crs(proj().proj_create(ctx, definition.c_str()));
    if (crs && proj().proj_is_crs(crs.get())) return crs;
    bool bareProjString = definition.find("+proj=") != std::string::npos &&
                          definition.find("+type=crs") == std::string::npos &&
                          definition.find("pipeline") == std::string::npos;
    if (bareProjString) {
        PjPtr retry(proj().proj_create(ctx, (definition + " +type=crs").c_str()));
        if (retry && proj().proj_is_crs(retry.get())) return retry;
    }
    if (!crs) reject(definition, unreadable(ctx, definition));
    reject(definition, "not a coordinate reference system");
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

std::string equalEarthDefinition(double centralLon) {
    if (centralLon == 0) return "EPSG:8857";
    return "+proj=eqearth +lon_0=" + number(centralLon) + " +datum=WGS84 +units=m +type=crs";
}

// PROJ marks failures with HUGE_VAL; callers test one thing, isnan.
void failuresToNan(double* xy, size_t count) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    for (size_t i = 0; i < count; ++i) {
        double& x = xy[2 * i];
        double& y = xy[2 * i + 1];
        if (!std::isfinite(x) || !std::isfinite(y)) x = y = nan;
    }
}

}  // namespace

struct Projection::Impl {
    std::string definition;
    ContextPtr ctx;
    PjPtr transform;  // lon/lat (EPSG:4326, normalized) -> the CRS, normalized
    bool geographic = false;
    double centralMeridian = 0;

    void run(PJ_DIRECTION direction, double* xy, size_t count) const {
        if (count == 0) return;
        proj().proj_errno_reset(transform.get());
        proj().proj_trans_generic(transform.get(), direction, xy, 2 * sizeof(double), count, xy + 1,
                           2 * sizeof(double), count, nullptr, 0, 0, nullptr, 0, 0);
        failuresToNan(xy, count);
    }
};

Projection::Projection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() = default;

ProjectionError::ProjectionError(std::string definition, std::string reason)
    : InputError("projection '" + definition + "': " + reason), definition_(std::move(definition)),
      reason_(std::move(reason)) {}

std::optional<std::string> projectionProblem(std::string_view definition) {
    try {
        (void)Projection::create(definition);
    } catch (const ProjectionError& e) {
        return "'" + e.definition() + "': " + e.reason();
    } catch (const DataError& e) {
        return e.what();
    }
    return std::nullopt;
}

Projection Projection::create(std::string_view definitionView) {
    std::string definition(definitionView);
    if (definition.empty()) reject(definition, "empty definition");
    auto impl = std::make_unique<Impl>();
    impl->definition = definition;
    impl->ctx.reset(proj().proj_context_create());
    if (!impl->ctx) reject(definition, "cannot create a PROJ context");
    PJ_CONTEXT* ctx = impl->ctx.get();
    // Errors become exceptions with the definition in them; PROJ's own stderr chatter would
    // only duplicate them on the terminal.
    proj().proj_log_level(ctx, PJ_LOG_NONE);
    // Offline whatever PROJ_NETWORK says: no grid is fetched from PROJ's CDN.
    proj().proj_context_set_enable_network(ctx, 0);

    PjPtr source(proj().proj_create(ctx, "EPSG:4326"));
    if (!source) reject(definition, "PROJ database unavailable: " + lastError(ctx));
    PjPtr target = createCrs(ctx, definition);
    PJ_TYPE type = proj().proj_get_type(target.get());
    impl->geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                       type == PJ_TYPE_GEOGRAPHIC_CRS;

    // PROJ's own PROJ-string export names the central meridian the same way for every projection.
    // UTM names a zone instead.
    if (const char* text = proj().proj_as_proj_string(ctx, target.get(), PJ_PROJ_5, nullptr)) {
        std::string_view s(text);
        if (size_t at = s.find("+lon_0="); at != std::string_view::npos)
            impl->centralMeridian = std::strtod(text + at + 7, nullptr);
        else if (size_t zone = s.find("+zone="); zone != std::string_view::npos)
            impl->centralMeridian = -183 + 6 * std::strtod(text + zone + 6, nullptr);
    }

    PjPtr raw(proj().proj_create_crs_to_crs_from_pj(ctx, source.get(), target.get(), nullptr, nullptr));
    if (!raw) reject(definition, "no transformation from WGS 84: " + lastError(ctx));
    impl->transform.reset(proj().proj_normalize_for_visualization(ctx, raw.get()));
    if (!impl->transform) reject(definition, lastError(ctx));
    return Projection(std::move(impl));
}

Projection Projection::webMercator() { return create("EPSG:3857"); }

Projection Projection::equalEarth(double centralLon) { return create(equalEarthDefinition(centralLon)); }

Projection Projection::plateCarree() {
    return create("+proj=eqc +lat_ts=0 +lon_0=0 +datum=WGS84 +units=m +type=crs");
}

Projection Projection::fittedTo(const BBox& box) { return create(fittedDefinition(box)); }

std::string Projection::fittedDefinition(const BBox& box) {
    if (box.empty()) throw InputError("cannot fit a projection to an empty extent");
    double lonSpan = box.maxLon - box.minLon;
    double latSpan = box.maxLat - box.minLat;
    LonLat c = box.center();
    const std::string datum = " +datum=WGS84 +units=m +type=crs";
    // Thresholds are judgement: a conic's scale error stays under ~2% for spans up to about 60 x
    // 40 degrees; beyond that an azimuthal view keeps shapes, and near-global views need equal area.
    if (lonSpan >= 180 || latSpan >= 110) return equalEarthDefinition(c.lon);
    if (lonSpan > 70 || latSpan > 45 || box.maxLat > 80 || box.minLat < -80)
        return "+proj=stere +lat_0=" + number(c.lat) + " +lon_0=" + number(c.lon) + datum;
    double lat1 = box.minLat + latSpan / 6;
    double lat2 = box.minLat + latSpan * 5 / 6;
    // A cone with parallels either side of the equator degenerates; Mercator is the conformal
    // cylinder that a cone tends to there.
    if (lat1 * lat2 <= 0 || std::abs(lat1 + lat2) < 2) return "+proj=merc +lon_0=" + number(c.lon) + datum;
    return "+proj=lcc +lat_0=" + number(c.lat) + " +lon_0=" + number(c.lon) + " +lat_1=" + number(lat1) +
           " +lat_2=" + number(lat2) + datum;
}

Projection Projection::clone() const { return create(impl_->definition); }

const std::string& Projection::definition() const { return impl_->definition; }

bool Projection::isGeographic() const { return impl_->geographic; }

double Projection::centralMeridian() const { return impl_->centralMeridian; }

// LonLat and Vec2 are both two packed doubles; copying in and transforming in place lets
// proj_trans_generic walk the caller's array with a stride instead of a PJ_COORD copy.
static_assert(sizeof(LonLat) == 2 * sizeof(double) && sizeof(Vec2) == 2 * sizeof(double));

void Projection::forward(std::span<const LonLat> in, std::span<Vec2> out) const {
    if (in.size() != out.size()) throw Error("Projection::forward: input and output sizes differ");
    if (out.empty()) return;  // out.data() may be null: no member to point at
    for (size_t i = 0; i < in.size(); ++i) out[i] = {in[i].lon, in[i].lat};
    impl_->run(PJ_FWD, &out.data()->x, out.size());
}

void Projection::inverse(std::span<const Vec2> in, std::span<LonLat> out) const {
    if (in.size() != out.size()) throw Error("Projection::inverse: input and output sizes differ");
    if (out.empty()) return;
    for (size_t i = 0; i < in.size(); ++i) out[i] = {in[i].x, in[i].y};
    impl_->run(PJ_INV, &out.data()->lon, out.size());
}

Vec2 Projection::forward(LonLat p) const {
    Vec2 out;
    forward(std::span<const LonLat>(&p, 1), std::span<Vec2>(&out, 1));
    return out;
}

LonLat Projection::inverse(Vec2 p) const {
    LonLat out;
    inverse(std::span<const Vec2>(&p, 1), std::span<LonLat>(&out, 1));
    return out;
}

namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init;
        proj().geod_init(&init, 6378137.0, 1 / 298.257223563);
        return init;
    }();
    return g;
}

}  // namespace

double geodesicKm(LonLat a, LonLat b) {
    double metres = 0;
    proj().geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &metres, nullptr, nullptr);
    return metres / 1000;
}

std::vector<LonLat> geodesicCircle(LonLat centre, double radiusKm, int count) {
    count = std::max(count, 3);
    std::vector<LonLat> out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        LonLat p;
        proj().geod_direct(&wgs84(), centre.lat, centre.lon, 360.0 * i / count, radiusKm * 1000, &p.lat, &p.lon, nullptr);
        out.push_back(p);
    }
    return out;
}

std::vector<LonLat> geodesicPath(LonLat a, LonLat b, int count) {
    count = std::max(count, 1);
    geod_geodesicline line;
    proj().geod_inverseline(&line, &wgs84(), a.lat, a.lon, b.lat, b.lon, 0);
    std::vector<LonLat> out{a};
    for (int i = 1; i < count; ++i) {
        LonLat p;
        proj().geod_position(&line, line.s13 * i / count, &p.lat, &p.lon, nullptr);
        out.push_back(p);
    }
    out.push_back(b);
    return out;
}

}  // namespace cmap::geo
