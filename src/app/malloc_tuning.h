#pragma once
// How this process's memory comes from the kernel: set before anything else runs in main().

namespace cmap::app {

/// Restarts the program once, with the same arguments and glibc's malloc asked to back its large
/// blocks with transparent huge pages (the tunable glibc.malloc.hugetlb=1, which glibc reads only
/// at start-up). On the virtual machines this runs on, every fresh 4 KiB page is a fault that
/// costs about 10 us: a 1080p export or the viewer's first frame takes some 50,000 of them (a
/// fifth of its CPU time) and geoparse one per kilobyte of text; with huge pages, half as many.
/// Does nothing where the kernel offers no huge pages, under a sanitizer or valgrind (they bring
/// their own allocator), or where GLIBC_TUNABLES already says what hugetlb should be; returns
/// (and the program goes on as it is) if the restart fails. Throws nothing.
void restartWithHugePageMalloc(char** argv) noexcept;

}  // namespace cmap::app
