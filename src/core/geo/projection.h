#pragma once
// The one seam to PROJ (DESIGN.md, STYLE.md 3): everything else sees LonLat in and Vec2 out, so the
// renderer never learns which projection it draws and nothing but projection.cpp includes proj.h.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/geo/lonlat.h"
#include "core/geo/vec2.h"

namespace cmap::geo {

/// A definition PROJ cannot make a map projection of: what() is "projection 'DEF': REASON".
class ProjectionError : public InputError {
public:
    ProjectionError(std::string definition, std::string reason);
    const std::string& definition() const noexcept { return definition_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string definition_, reason_;
};

/// Why definition cannot be a map projection ("'EPSG:999999': EPSG code 999999 is not in PROJ's
/// database"; or that PROJ's library cannot be loaded), or nullopt when it can. Throws nothing.
std::optional<std::string> projectionProblem(std::string_view definition);

/// A map projection from WGS 84 lon/lat to planar coordinates, in (lon, lat) / (x, y) order
/// whatever the CRS's official axis order. Owns its own PROJ context: one object may be used by
/// one thread at a time; give another thread a clone().
class Projection {
public:
    /// Builds from a PROJ string ("+proj=lcc ...", with or without +type=crs), "EPSG:N", WKT or
    /// PROJJSON. Throws InputError naming the definition when PROJ rejects it, DataError when
    /// PROJ's library cannot be loaded (it is opened by the first call).
    static Projection create(std::string_view definition);

    /// EPSG:3857, the web's tiles projection: conformal, areas grow badly towards the poles.
    static Projection webMercator();
    /// EPSG:8857 (or the same centred on centralLon): equal-area, for world and continent maps.
    static Projection equalEarth(double centralLon = 0);
    /// Equirectangular in metres (x = R * lon): what a lon/lat plot looks like, at map scale.
    static Projection plateCarree();
    /// The default view of a region: Lambert conformal conic with standard parallels at 1/6 and
    /// 5/6 of the latitude span; Mercator near the equator, stereographic for large extents and
    /// Equal Earth for (nearly) the whole world. Throws InputError for an empty box.
    static Projection fittedTo(const BBox& box);
    /// fittedTo's definition, without making the projection (each one opens PROJ's database, a
    /// few milliseconds), for a caller that only keeps the definition. Throws InputError for an empty box.
    static std::string fittedDefinition(const BBox& box);

    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;
    ~Projection();

    /// An independent copy with its own PROJ context, for use on another thread.
    Projection clone() const;

    /// The definition as given (or as built by a factory): create(definition()) gives the same.
    const std::string& definition() const;
    /// Whether x/y are degrees (a geographic CRS such as EPSG:4326) rather than linear units.
    bool isGeographic() const;
    /// The longitude the map is centred on (+lon_0; 0 when the definition has none): the world's
    /// edge, where the map is cut, is the meridian opposite it.
    double centralMeridian() const;

    /// Projects in.size() points into out (same size). A point PROJ cannot project is NaN.
    void forward(std::span<const LonLat> in, std::span<Vec2> out) const;
    /// Inverse of forward; unprojectable points come back as NaN.
    void inverse(std::span<const Vec2> in, std::span<LonLat> out) const;
    Vec2 forward(LonLat p) const;
    LonLat inverse(Vec2 p) const;

private:
    struct Impl;
    explicit Projection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Geodesics on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney's algorithms): distances
// and paths as the Earth has them, whatever projection draws them. Each throws DataError only
// when PROJ's library cannot be loaded (it is opened on first use).

/// The geodesic distance from a to b in kilometres.
double geodesicKm(LonLat a, LonLat b);
/// count points (count >= 3) at radiusKm from centre along geodesics, at equal steps of azimuth
/// from north clockwise: a range ring. Longitudes in [-180, 180].
std::vector<LonLat> geodesicCircle(LonLat centre, double radiusKm, int count);
/// count + 1 points at equal distances along the shortest geodesic from a to b, both ends
/// included: what a straight line on the globe looks like on a map.
std::vector<LonLat> geodesicPath(LonLat a, LonLat b, int count);

}  // namespace cmap::geo
