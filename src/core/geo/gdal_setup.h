#pragma once
// What every use of GDAL in the core shares: the drivers registered once, and GDAL's per-thread
// error state collected instead of printed, so a failure becomes one DataError line.
#include <string>

namespace cmap::geo {

/// Registers GDAL's drivers (once per process; later calls do nothing). Throws nothing.
void registerGdalDrivers();

/// While alive, GDAL errors on this thread are kept quiet; failure() hands out the last one.
class QuietGdalErrors {
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
    /// The last failure message since the previous check, or empty. Throws nothing.
    std::string failure();
};

}  // namespace cmap::geo
