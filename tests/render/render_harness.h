#pragma once
// The render-test harness (STYLE.md 8): a case renders a Scene small, compares it with
// baselines/NAME.png and fails with counts when too many pixels differ. A missing baseline is
// written from the candidate and the case FAILS until someone looks at it and commits it;
// CMAP_UPDATE_BASELINES=1 rewrites every baseline the run touches. Failures leave the candidate
// and a difference image in render-failures/ under the working directory.
#include <initializer_list>
#include <string>
#include <vector>

#include "core/geo/feature_set.h"
#include "render/image.h"
#include "render/renderer.h"

namespace cmap::test {

/// One hidden GL context and renderer for the whole test process.
render::Renderer& renderer();

/// How different two images may be: at most maxFraction of the pixels may differ by more than
/// channelTolerance (of 255) in any channel. The default, 1% of pixels beyond 16/255, absorbs
/// antialiasing differences between Mesa versions while a moved line or a lost label fails.
struct Tolerance {
    double maxFraction = 0.01;
    int channelTolerance = 16;
};

/// Pixels that differ beyond the tolerance's channel step; images of different sizes differ wholly.
size_t differingPixels(const render::Image& a, const render::Image& b, int channelTolerance,
                       render::Image* diff = nullptr);

/// Checks image against baselines/name.png (CHECKs inside, so the case reports where it failed).
void checkBaseline(const std::string& name, const render::Image& image, Tolerance tolerance = {});

using Ring = std::vector<geo::LonLat>;
/// A polygon FeatureSet: one feature per entry, each entry one polygon (exterior, then holes).
geo::FeatureSetPtr polygons(std::initializer_list<std::vector<Ring>> features);
/// A line FeatureSet: one feature per line string.
geo::FeatureSetPtr lines(std::initializer_list<Ring> features);

}  // namespace cmap::test
