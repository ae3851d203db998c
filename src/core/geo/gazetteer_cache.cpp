#include "core/geo/gazetteer_cache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "core/geo/gazetteer.h"
#include "core/log.h"

namespace cmap::geo {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'A', 'P', 'G', 'A', 'Z', '1'};
// Bump when the index layout, normalization, representative points or ranking inputs change.
constexpr uint32_t kFormatVersion = 9;

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t placeSize;
    uint64_t signature;
};

template <typename T>
void put(std::ostream& out, const std::vector<T>& v) {
    uint64_t n = v.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}
void put(std::ostream& out, const std::string& s) {
    uint64_t n = s.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(s.data(), static_cast<std::streamsize>(n));
}

template <typename T>
bool get(std::istream& in, std::vector<T>& v, uint64_t remaining) {
    uint64_t n = 0;
    if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > remaining / sizeof(T)) return false;
    v.resize(n);
    return static_cast<bool>(in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}
bool get(std::istream& in, std::string& s, uint64_t remaining) {
    uint64_t n = 0;
    if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > remaining) return false;
    s.resize(n);
    return static_cast<bool>(in.read(s.data(), static_cast<std::streamsize>(n)));
}

}  // namespace

uint64_t GazetteerCache::sources(const std::filesystem::path& dir) {
    std::vector<std::string> rows;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        auto ext = e.path().extension().string();
        if (ext != ".shp" && ext != ".shx" && ext != ".dbf" && ext != ".cpg" && ext != ".prj" && ext != ".csv") continue;
        auto t = e.last_write_time(ec).time_since_epoch().count();
        rows.push_back(e.path().filename().string() + "|" + std::to_string(e.file_size(ec)) + "|" + std::to_string(t));
    }
    std::sort(rows.begin(), rows.end());
    std::string all = std::to_string(kFormatVersion) + "|" + std::to_string(sizeof(Place));
    for (auto& r : rows) all += "\n" + r;
    return hashKey(all);
}

std::filesystem::path GazetteerCache::file(const std::filesystem::path& cacheDir, const std::filesystem::path& dir) {
    if (cacheDir.empty()) return {};
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(dir, ec);
    char name[64];
    std::snprintf(name, sizeof name, "gazetteer-%016llx.bin",
                  static_cast<unsigned long long>(hashKey((ec ? dir : canonical).string())));
    return cacheDir / name;
}

bool GazetteerCache::read(const std::filesystem::path& file, uint64_t signature, Gazetteer& g) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(file, ec);
    if (ec) return false;
    std::ifstream in(file, std::ios::binary);
    Header h{};
    if (!in.read(reinterpret_cast<char*>(&h), sizeof h)) return false;
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion ||
        h.placeSize != sizeof(Place) || h.signature != signature)
        return false;
    bool ok = get(in, g.places_, size) && get(in, g.strings_, size) && get(in, g.keys_, size) &&
              get(in, g.keyOffset_, size) && get(in, g.postStart_, size) && get(in, g.postings_, size) &&
              get(in, g.slots_, size) && get(in, g.commonWord_, size) && get(in, g.bloom_, size) &&
              get(in, g.prefixBloom_, size);
    std::string warnings;
    ok = ok && get(in, warnings, size);
    // Cross-check the tables against each other so a damaged file is rejected, not indexed into.
    ok = ok && !g.keyOffset_.empty() && g.keyOffset_.size() == g.postStart_.size() &&
         g.keyOffset_.back() == g.keys_.size() && g.postStart_.back() == g.postings_.size() &&
         (g.slots_.size() & (g.slots_.size() - 1)) == 0 && g.slots_.size() >= g.keyOffset_.size() &&
         g.commonWord_.size() + 1 == g.keyOffset_.size();
    if (ok) {
        for (const Place& p : g.places_) ok &= p.nameOffset < g.strings_.size();
        for (const Posting& p : g.postings_) ok &= p.place < g.places_.size();
        for (uint32_t s : g.slots_) ok &= s < g.keyOffset_.size();
    }
    if (!ok) {
        log::warn(file.string() + ": damaged gazetteer cache, rebuilding it");
        g.places_.clear(), g.strings_.clear(), g.keys_.clear(), g.postings_.clear(), g.slots_.clear();
        g.commonWord_.clear(), g.bloom_.clear(), g.prefixBloom_.clear();
        g.keyOffset_.assign(1, 0), g.postStart_.assign(1, 0);
        return false;
    }
    g.warnings_.clear();
    size_t start = 0;
    while (start < warnings.size()) {
        size_t end = warnings.find('\n', start);
        g.warnings_.push_back(warnings.substr(start, end - start));
        start = end == std::string::npos ? warnings.size() : end + 1;
    }
    return true;
}

void GazetteerCache::write(const std::filesystem::path& file, uint64_t signature, const Gazetteer& g) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    auto tmp = file;
    tmp += ".tmp" + std::to_string(static_cast<unsigned long>(std::hash<std::string>{}(std::to_string(signature))));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        Header h{};
        std::memcpy(h.magic, kMagic, sizeof kMagic);
        h.version = kFormatVersion;
        h.placeSize = sizeof(Place);
        h.signature = signature;
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        put(out, g.places_), put(out, g.strings_), put(out, g.keys_), put(out, g.keyOffset_);
        put(out, g.postStart_), put(out, g.postings_), put(out, g.slots_), put(out, g.commonWord_), put(out, g.bloom_);
        put(out, g.prefixBloom_);
        std::string warnings;
        for (const auto& w : g.warnings_) warnings += (warnings.empty() ? "" : "\n") + w;
        put(out, warnings);
        if (!out) {
            log::warn(tmp.string() + ": cannot write the gazetteer cache; start-up stays slow");
            std::filesystem::remove(tmp, ec);
            return;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        log::warn(file.string() + ": cannot write the gazetteer cache: " + ec.message());
        std::filesystem::remove(tmp, ec);
    }
}

}  // namespace cmap::geo
