#include "core/text/article.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "core/error.h"
#include "core/io/file_checks.h"
#include "core/text/dates.h"

namespace cmap::text {
namespace {

// nlohmann prefixes messages with "[json.exception.parse_error.101] "; users need the rest.
std::string cleanJsonMessage(const std::string& what) {
    const size_t close = what.find("] ");
    return close != std::string::npos && what.rfind("[json.exception", 0) == 0 ? what.substr(close + 2) : what;
}

std::string megabytes(uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// One read into a string of the file's size. Only regular files: a FIFO without a writer would
// block forever and a device (/dev/zero) never ends. Opened without blocking, then checked on the
// descriptor, so a name swapped for a FIFO between a check and the open cannot hang us either.
std::string readFile(const std::filesystem::path& path) {
    const std::string name = path.string();
    const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) io::throwCannotOpen(name, errno);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) io::throwCannotOpen(name, errno);
    if (S_ISDIR(st.st_mode)) throw DataError(name, "is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        throw DataError(name, std::string("is not a regular file (") +
                                  (S_ISFIFO(st.st_mode) ? "a named pipe" : S_ISCHR(st.st_mode) ? "a device" : "a socket or device") +
                                  "); articles are read from files");
    const auto size = static_cast<uint64_t>(st.st_size);
    if (size > kMaxArticleBytes)
        throw DataError(name, "is " + megabytes(size) + "; an article may be at most " + megabytes(kMaxArticleBytes));
    std::string bytes(static_cast<size_t>(size), '\0');
    size_t got = 0;
    // Up to the size first seen: a file that grows meanwhile is read as it was.
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw DataError(name, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;  // it shrank
        got += static_cast<size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

std::optional<std::string> readFileIfPresent(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    return readFile(path);
}

void finish(Article& a) {
    for (const auto& w : a.decoded.warnings) a.warnings.push_back(a.path + ": " + w);
    if (!a.meta.published) {
        if (auto d = inferPublicationDate(a.decoded.text)) {
            a.meta.published = d;
            a.meta.publishedFrom = PublishedFrom::Text;
        }
    }
}

}  // namespace

std::filesystem::path sidecarPath(const std::filesystem::path& article) {
    std::filesystem::path p = article;
    p.replace_extension(".meta.json");
    return p;
}

ArticleMeta parseSidecar(std::string_view json, const std::string& name, std::vector<std::string>& warnings) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::exception& e) {
        // Syntax errors, and numbers too large for a double (out_of_range) alike.
        throw DataError(name, "not valid JSON: " + cleanJsonMessage(e.what()));
    }
    if (!j.is_object()) throw DataError(name, std::string("expected a JSON object, got ") + j.type_name());

    ArticleMeta meta;
    for (const auto& [key, value] : j.items()) {
        std::optional<std::string>* field = nullptr;
        if (key == "title") field = &meta.title;
        else if (key == "source") field = &meta.source;
        else if (key == "author") field = &meta.author;
        else if (key == "kind") field = &meta.kind;
        else if (key == "place") field = &meta.place;
        else if (key != "published") {
            warnings.push_back(name + ": unknown key '" + key + "' ignored");
            continue;
        }
        if (value.is_null()) continue;
        if (!value.is_string())
            throw DataError(name, key + ": expected a string or null, got " + value.type_name());
        const auto& text = value.get_ref<const std::string&>();
        if (field) {
            *field = text;
            continue;
        }
        const auto date = model::Date::parse(text);
        if (!date) {
            // Say which rule failed: the shape, or the calendar.
            bool shaped = text.size() == 4 || text.size() == 7 || text.size() == 10;
            for (size_t k = 0; k < text.size() && shaped; ++k)
                shaped = (k == 4 || k == 7) ? text[k] == '-' : (text[k] >= '0' && text[k] <= '9');
            throw DataError(name, "published: " + text +
                                      (shaped ? " is not a valid date" : " is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"));
        }
        meta.published = date;
        meta.publishedFrom = PublishedFrom::Sidecar;
    }
    return meta;
}

Article loadArticle(const std::filesystem::path& path, std::optional<model::Date> publishedOverride) {
    Article a;
    a.path = path.string();
    a.rawBytes = readFile(path);
    a.decoded = decodeTextTaking(a.rawBytes, formatForPath(path), a.path);

    const auto sidecar = sidecarPath(path);
    if (auto json = readFileIfPresent(sidecar)) a.meta = parseSidecar(*json, sidecar.string(), a.warnings);
    if (publishedOverride) {
        a.meta.published = publishedOverride;
        a.meta.publishedFrom = PublishedFrom::Override;
    }
    finish(a);
    return a;
}

Article makeArticle(std::string name, std::string bytes, Format format, ArticleMeta meta) {
    Article a;
    a.path = std::move(name);
    a.rawBytes = std::move(bytes);
    a.decoded = decodeTextTaking(a.rawBytes, format, a.path);
    a.meta = std::move(meta);
    if (a.meta.published && a.meta.publishedFrom == PublishedFrom::Unknown) a.meta.publishedFrom = PublishedFrom::Sidecar;
    finish(a);
    return a;
}

}  // namespace cmap::text
