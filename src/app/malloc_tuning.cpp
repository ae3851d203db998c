#include "app/malloc_tuning.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace cmap::app {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kOwnAllocator = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kOwnAllocator = true;
#else
constexpr bool kOwnAllocator = false;
#endif
#else
constexpr bool kOwnAllocator = false;
#endif

// "always [madvise] never": huge pages are to be had when asked for (or always).
bool kernelOffersHugePages() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    return std::getline(f, line) && line.find("[never]") == std::string::npos && line.find('[') != std::string::npos;
}

}  // namespace

void restartWithHugePageMalloc(char** argv) noexcept {
#ifdef __GLIBC__
    if (kOwnAllocator) return;
    try {
        const char* tunables = std::getenv("GLIBC_TUNABLES");
        if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;  // said, or already restarted
        const char* preload = std::getenv("LD_PRELOAD");
        if (preload && std::strstr(preload, "vgpreload")) return;  // valgrind would not follow the restart
        if (!kernelOffersHugePages()) return;
        std::string value = tunables && *tunables ? std::string(tunables) + ":" : std::string();
        value += "glibc.malloc.hugetlb=1";
        if (::setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
        ::execv("/proc/self/exe", argv);
        // Not restarted (no /proc): go on as we are, and leave children the environment we got.
        if (tunables) ::setenv("GLIBC_TUNABLES", tunables, 1);
        else ::unsetenv("GLIBC_TUNABLES");
    } catch (...) {
    }
#else
    (void)argv;
#endif
}

}  // namespace cmap::app
