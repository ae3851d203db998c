#include "core/io/partial_file.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include "core/error.h"

namespace cmap::io {
namespace {

uint64_t randomBits() {
    uint64_t bits = 0;
    // getrandom of 8 bytes never comes back short once the pool is ready; a failure leaves the
    // name guessable but the file still exclusive.
    if (::getrandom(&bits, sizeof bits, 0) != static_cast<ssize_t>(sizeof bits)) bits ^= static_cast<uint64_t>(::getpid());
    return bits;
}

std::string errnoText() { return std::strerror(errno); }

}  // namespace

PartialFile::PartialFile(std::filesystem::path target) : target_(std::move(target)) {
    const std::filesystem::path folder = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    for (int attempt = 0; attempt < 16; ++attempt) {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(randomBits()));
        path_ = folder / ("." + target_.stem().string() + ".partial-" + hex + target_.extension().string());
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd_ >= 0) return;
        if (errno != EEXIST) break;
    }
    const std::string why = errnoText();
    path_.clear();
    throw DataError(target_.string(), "cannot write: " + why);
}

PartialFile::~PartialFile() {
    if (fd_ >= 0) ::close(fd_);
    if (committed_ || path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

int PartialFile::releaseFd() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void PartialFile::write(std::string_view bytes) {
    if (fd_ < 0) throw DataError(target_.string(), "cannot write: the file is closed");
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw DataError(target_.string(), "cannot write: " + (n < 0 ? errnoText() : std::string("no progress")));
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

void PartialFile::commit() {
    if (fd_ >= 0) {
        const int fd = releaseFd();
        if (::close(fd) != 0) throw DataError(target_.string(), "cannot write: " + errnoText());
    }
    std::error_code ec;
    std::filesystem::rename(path_, target_, ec);
    if (ec) throw DataError(target_.string(), "cannot write: " + ec.message());
    committed_ = true;
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    PartialFile file(path);
    file.write(bytes);
    file.commit();
}

}  // namespace cmap::io
