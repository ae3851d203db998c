#include "core/geo/gdal_library.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "core/shared_libraries.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CMAP_LEAK_CHECKED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CMAP_LEAK_CHECKED 1
#endif
#ifdef CMAP_LEAK_CHECKED
#include <sanitizer/lsan_interface.h>
#endif

namespace cmap::geo {
namespace {

// What GDAL asked the network for on this thread: GDAL drivers answer a failed fetch variously
// (no layer, a layer without its coordinate system, a generic error), and the user needs to hear
// that the file wanted a remote source, and which.
thread_local std::string tRefused;

void noteRefused(const char* what) {
    if (tRefused.empty() && what) tRefused = what;
}

// GDAL's network file systems, each replaced by one that opens nothing.
constexpr const char* kNetworkFileSystems[] = {
    "/vsicurl/", "/vsicurl_streaming/", "/vsis3/",  "/vsis3_streaming/", "/vsigs/",           "/vsigs_streaming/",
    "/vsiaz/",   "/vsiaz_streaming/",   "/vsiadls/", "/vsioss/",          "/vsioss_streaming/", "/vsiswift/",
    "/vsiswift_streaming/", "/vsiwebhdfs/", "/vsihdfs/"};

int refuseStat(void*, const char* name, VSIStatBufL*, int) {
    noteRefused(name);
    return -1;
}
void* refuseOpen(void*, const char* name, const char*) {
    noteRefused(name);
    return nullptr;
}
char** refuseReadDir(void*, const char* name, int) {
    noteRefused(name);
    return nullptr;
}

// A failed fetch without a request: GDAL frees the result with CPLHTTPDestroyResult, so it is
// allocated with GDAL's own allocator.
CPLHTTPResult* refuseFetch(const char* url, CSLConstList, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc, void*,
                           void* library) {
    noteRefused(url);
    const GdalLibrary& gdal = *static_cast<const GdalLibrary*>(library);
    auto* result = static_cast<CPLHTTPResult*>(gdal.CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = gdal.CPLStrdup("network access is disabled (conflictmap reads local files only)");
    gdal.CPLError(CE_Failure, CPLE_AppDefined, "network access is disabled: %s", url ? url : "");
    return result;
}

void keepOnlyFileDrivers(const GdalLibrary& lib) {
    for (int i = lib.GDALGetDriverCount() - 1; i >= 0; --i) {
        GDALDriverH driver = lib.GDALGetDriver(i);
        const std::string_view name = lib.GDALGetDriverShortName(driver);
        bool keep = false;
        for (const char* allowed : kVectorDrivers) keep = keep || name == allowed;
        if (keep) continue;
        lib.GDALDeregisterDriver(driver);
        lib.GDALDestroyDriver(driver);
    }
}

bool goOffline(const GdalLibrary& lib) {
    VSIFilesystemPluginCallbacksStruct* cb = lib.VSIAllocFilesystemPluginCallbacksStruct();
    cb->stat = refuseStat;
    cb->open = refuseOpen;
    cb->read_dir = refuseReadDir;
    // The handler keeps its own copy of the callbacks.
    for (const char* prefix : kNetworkFileSystems) lib.VSIInstallPluginHandler(prefix, cb);
    lib.VSIFreeFilesystemPluginCallbacksStruct(cb);
    lib.CPLHTTPSetFetchCallback(refuseFetch, const_cast<GdalLibrary*>(&lib));
    lib.OSRSetPROJEnableNetwork(FALSE);
    lib.CPLSetConfigOption("PROJ_NETWORK", "OFF");
    return true;
}

GdalLibrary open(const std::string& forFile) {
    // CMAP_GDAL_SONAME comes from CMake: the soname of the libgdal built against, whose ABI the
    // headers describe.
    const SharedLibraries gdal({CMAP_GDAL_SONAME}, forFile);
    GdalLibrary lib;
#define CMAP_GDAL_LOAD(name) lib.name = reinterpret_cast<decltype(lib.name)>(gdal.function(#name));
    CMAP_GDAL_FUNCTIONS(CMAP_GDAL_LOAD)
#undef CMAP_GDAL_LOAD
    lib.GDALAllRegister();
    keepOnlyFileDrivers(lib);
    // Shapefiles with a .cpg are decoded by it; without one, assume UTF-8 rather than Latin-1
    // garbling names.
    lib.CPLSetConfigOption("SHAPE_ENCODING", "");
    return lib;
}

}  // namespace

const GdalLibrary& gdalLibrary(const std::string& forFile) {
#ifdef CMAP_LEAK_CHECKED
    // GDAL's one-time set-up is not leak-checked: GDAL makes its network file system handlers
    // when it starts (VSIFileManager::Get) and VSIInstallPluginHandler drops each one that
    // goOffline replaces without deleting it. That memory is GDAL's, made and lost once per
    // process; LeakSanitizer cannot name it by a suppression, since GDAL has no frame pointers
    // and the fast unwinder's stack stops at our operator new.
    __lsan::ScopedDisabler gdalStartsUp;
#endif
    // A static's initialisation runs once even with threads racing to it, and is tried again
    // when it threw.
    static const GdalLibrary lib = open(forFile);
    // Once the table has its final address: the fetch callback is handed it.
    [[maybe_unused]] static const bool offline = goOffline(lib);
    return lib;
}

std::string refusedRemoteSource() {
    std::string what;
    what.swap(tRefused);
    return what;
}

bool isRemoteOrVirtualName(const std::string& name) {
    const std::string_view n = name;
    if (n.starts_with("/vsi") || n.find("://") != std::string_view::npos) return true;
    // "WFS:http://...", "PG:dbname=...", "GPKG:file:layer": a driver's prefix, unless the name is
    // a file that exists (a colon is allowed in a file name).
    size_t i = 0;
    while (i < n.size() && (std::isalnum(static_cast<unsigned char>(n[i])) || n[i] == '_')) ++i;
    if (i < 2 || i >= n.size() || n[i] != ':' || !std::isalpha(static_cast<unsigned char>(n[0]))) return false;
    std::error_code ec;
    return !std::filesystem::exists(std::filesystem::path(name), ec);
}

}  // namespace cmap::geo
