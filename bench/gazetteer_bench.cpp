// Gazetteer load time (index built from the shapefiles, then from the cache) and lookups per
// second. Usage: gazetteer_bench GEODATA_DIR. Reports figures; asserts nothing.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/geo/gazetteer.h"

using Clock = std::chrono::steady_clock;

static double seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s GEODATA_DIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const auto cache = std::filesystem::temp_directory_path() / "cmap-gazetteer-bench";
    std::filesystem::remove_all(cache);

    auto t = Clock::now();
    auto built = cmap::geo::Gazetteer::load(dir, {cache});
    double buildS = seconds(t);
    t = Clock::now();
    auto cached = cmap::geo::Gazetteer::load(dir, {cache});
    double cachedS = seconds(t);
    std::printf("places %zu, names %zu\n", built->placeCount(), built->nameCount());
    std::printf("load from shapefiles + side tables: %.3f s\n", buildS);
    std::printf("load from cache:                    %.3f s (%s)\n", cachedS, cached->fromCache() ? "hit" : "MISS");

    // Half hits (every place's own name), half misses (the same names, altered).
    std::vector<std::string> names;
    for (uint32_t i = 0; i < cached->placeCount(); i += 7) {
        names.emplace_back(cached->name(i));
        names.push_back(std::string(cached->name(i)) + "qx");
    }
    size_t found = 0;
    t = Clock::now();
    for (int round = 0; round < 5; ++round)
        for (const auto& n : names) found += cached->lookup(n, 10).size();
    double lookS = seconds(t);
    std::printf("lookups: %zu in %.3f s = %.0f lookups/s (%zu candidates)\n", names.size() * 5, lookS,
                static_cast<double>(names.size() * 5) / lookS, found);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak RSS: %.0f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    std::filesystem::remove_all(cache);
}
