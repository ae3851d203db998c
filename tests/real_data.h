#pragma once
// The real geodata (built by ./setup.sh into CMAP_GEODATA_DIR) and the shared seed corpus. Tests
// that need them fail, not skip, when they are missing: every test run is meant to check the
// data users get, and a skipped check passes without checking anything.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/geo/gazetteer.h"
#include "scene/content_loader.h"

namespace cmap::test {

/// The built geodata folder; fails the test when it has not been built.
inline std::filesystem::path geodataDir() {
    const std::filesystem::path dir(CMAP_GEODATA_DIR);
    REQUIRE_MESSAGE(std::filesystem::exists(dir / "places.shp"), "geodata not built in ", dir.string(), ": run ./setup.sh");
    return dir;
}

/// The gazetteer of the built geodata, loaded once per test binary.
inline geo::GazetteerPtr realGazetteer() {
    static geo::GazetteerPtr gazetteer;
    if (!gazetteer) gazetteer = geo::Gazetteer::load(geodataDir());
    return gazetteer;
}

/// The geodata as the program loads it (gazetteer and prepared basemap, through the content
/// loader), once per test binary.
inline std::shared_ptr<const scene::Geodata> realGeodata() {
    static std::shared_ptr<const scene::Geodata> geodata;
    if (!geodata) geodata = scene::loadGeodata(geodataDir(), true, true);
    return geodata;
}

/// The built-in briefing over the real geodata as the program loads it (without its articles),
/// with or without the basemap; its areas have their polygons either way.
inline scene::MapContent briefingContent(bool basemap) {
    const auto geodata = realGeodata();
    return *scene::makeMapContent(geodata.get(), basemap, scene::loadBriefingSources(geodata->gazetteer.get(), {}), {},
                                  {}, {});
}

/// The seed articles in the shared folder beside the repository (never copied into it).
inline std::filesystem::path seedCorpus() {
    const std::filesystem::path dir = std::filesystem::path(CMAP_SHARED_DIR) / "corpus";
    REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "seed corpus not found in ", dir.string());
    return dir;
}

}  // namespace cmap::test
