#pragma once
// The mini geodata folder written for a test and its gazetteer, for the geoparser's tests.
#include "core/geo/gazetteer.h"
#include "geo/test_geodata.h"

namespace cmap::test {

struct MiniGazetteer {
    TempDir data, cache;
    geo::GazetteerPtr gaz;
    MiniGazetteer() {
        writeMiniGeodata(data.path);
        gaz = geo::Gazetteer::load(data.path, {cache.path});
    }
};

}  // namespace cmap::test
