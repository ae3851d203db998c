#include "core/io/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cmap::io {

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* data = nullptr;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    const auto size = ok ? static_cast<size_t>(st.st_size) : 0;
    if (ok && size > 0) {
        data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        ok = data != MAP_FAILED;
    }
    ::close(fd);  // the mapping keeps the file's pages reachable
    if (!ok) return nullptr;
    return std::shared_ptr<const MappedFile>(new MappedFile(data, size));
}

void MappedFile::dropPages() const {
    if (size_ > 0) ::madvise(data_, size_, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
    if (size_ > 0) ::munmap(data_, size_);
}

}  // namespace cmap::io
