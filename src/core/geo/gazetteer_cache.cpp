#include "core/geo/gazetteer_cache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <span>
#include <string>
#include <string_view>

#include "core/geo/gazetteer.h"
#include "core/error.h"
#include "core/io/mapped_file.h"
#include "core/io/partial_file.h"
#include "core/io/table_file.h"
#include "core/log.h"

namespace cmap::geo {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'A', 'P', 'G', 'A', 'Z', '1'};
// Bump when the index layout, normalization, representative points or ranking inputs change.
// It is part of the file name too, so builds of two versions side by side keep one cache each
// instead of rebuilding the other's at every start.
constexpr uint32_t kFormatVersion = 22;

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t placeSize;
    uint64_t signature;
};

bool powerOfTwo(size_t n) { return n && (n & (n - 1)) == 0; }

bool sane(const Place& p, size_t stringsSize) {
    return static_cast<size_t>(p.kind) < kPlaceKindCount && static_cast<size_t>(p.layer) < std::size(kLayerNames) &&
           p.nameOffset < stringsSize;
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
    std::snprintf(name, sizeof name, "gazetteer-v%u-%016llx.bin", kFormatVersion,
                  static_cast<unsigned long long>(hashKey((ec ? dir : canonical).string())));
    return cacheDir / name;
}

bool GazetteerCache::read(const std::filesystem::path& file, uint64_t signature, Gazetteer& g) {
    auto mapped = io::MappedFile::open(file);
    if (!mapped) return false;
    const std::string_view bytes = mapped->bytes();
    Header h{};
    if (bytes.size() < sizeof h) return false;
    std::memcpy(&h, bytes.data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion ||
        h.placeSize != sizeof(Place) || h.signature != signature)
        return false;
    std::string_view warnings;
    io::TableReader in(bytes, sizeof h);
    in >> g.places_ >> g.strings_ >> g.keys_ >> g.keyOffset_ >> g.postStart_ >> g.postings_ >> g.slots_ >>
        g.commonWord_ >> g.bloom_ >> g.prefixBloom_ >> g.looseKeys_ >> g.looseOffset_ >> g.looseStart_ >>
        g.looseTargets_ >> g.looseSlots_ >> g.looseBloom_ >> g.looseWords_ >> warnings;
    // Cross-check the tables against each other so a damaged file is rejected, not indexed into.
    bool ok = in.ok() && !g.keyOffset_.empty() && g.keyOffset_.size() == g.postStart_.size() &&
              g.keyOffset_.back() == g.keys_.size() && g.postStart_.back() == g.postings_.size() &&
              powerOfTwo(g.slots_.size()) && g.slots_.size() >= g.keyOffset_.size() &&
              g.commonWord_.size() + 1 == g.keyOffset_.size() && powerOfTwo(g.bloom_.size()) &&
              powerOfTwo(g.prefixBloom_.size()) && (g.strings_.empty() || g.strings_.back() == '\0') &&
              !g.looseOffset_.empty() && g.looseOffset_.size() == g.looseStart_.size() &&
              g.looseOffset_.back() == g.looseKeys_.size() && g.looseStart_.back() == g.looseTargets_.size() &&
              powerOfTwo(g.looseSlots_.size()) && g.looseSlots_.size() >= g.looseOffset_.size() &&
              powerOfTwo(g.looseBloom_.size()) && std::is_sorted(g.looseWords_.begin(), g.looseWords_.end());
    // Places are checked whole here: their kinds and layers pick code paths and index tables all
    // over the program, and the country index is made from them in the same pass. The entries of
    // the larger index tables (slots, key offsets, postings) are checked where a lookup reads
    // them (Gazetteer::findKey, postings): checking them here would read every page of them at
    // each start, and a run uses only a few.
    for (size_t i = 0; ok && i < g.places_.size(); ++i) ok = sane(g.places_[i], g.strings_.size());
    if (ok) g.indexCountries();
    if (!ok) {
        log::warn(file.string() + ": damaged gazetteer cache, rebuilding it");
        g.places_ = {}, g.strings_ = {}, g.keys_ = {}, g.keyOffset_ = {}, g.postStart_ = {}, g.postings_ = {};
        g.slots_ = {}, g.commonWord_ = {}, g.bloom_ = {}, g.prefixBloom_ = {};
        g.looseKeys_ = {}, g.looseOffset_ = {}, g.looseStart_ = {}, g.looseTargets_ = {}, g.looseSlots_ = {}, g.looseBloom_ = {};
        g.looseWords_ = {};
        return false;
    }
    // That check read every place (19 MB of pages for the world's); a run that geoparses nothing,
    // as the viewer opening an event table alone, need not hold them: lookups map back the pages
    // they read (from the page cache).
    mapped->dropPages();
    g.storage_ = std::move(mapped);
    g.warnings_.clear();
    size_t start = 0;
    while (start < warnings.size()) {
        size_t end = warnings.find('\n', start);
        g.warnings_.emplace_back(warnings.substr(start, end - start));
        start = end == std::string_view::npos ? warnings.size() : end + 1;
    }
    return true;
}

void GazetteerCache::write(const std::filesystem::path& file, uint64_t signature, const Gazetteer& g) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    try {
        io::PartialFile partial(file);
        // The file just created, through its descriptor: never whatever its name points at now.
        std::ofstream out("/proc/self/fd/" + std::to_string(partial.fd()), std::ios::binary | std::ios::trunc);
        Header h{};
        std::memcpy(h.magic, kMagic, sizeof kMagic);
        h.version = kFormatVersion;
        h.placeSize = sizeof(Place);
        h.signature = signature;
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        io::putTable(out, g.places_), io::putTable(out, g.strings_), io::putTable(out, g.keys_);
        io::putTable(out, g.keyOffset_), io::putTable(out, g.postStart_), io::putTable(out, g.postings_);
        io::putTable(out, g.slots_), io::putTable(out, g.commonWord_), io::putTable(out, g.bloom_);
        io::putTable(out, g.prefixBloom_), io::putTable(out, g.looseKeys_), io::putTable(out, g.looseOffset_);
        io::putTable(out, g.looseStart_), io::putTable(out, g.looseTargets_), io::putTable(out, g.looseSlots_);
        io::putTable(out, g.looseBloom_), io::putTable(out, g.looseWords_);
        std::string warnings;
        for (const auto& w : g.warnings_) warnings += (warnings.empty() ? "" : "\n") + w;
        io::putTable(out, std::string_view(warnings));
        out.close();
        if (!out) throw DataError(file.string(), "cannot write");
        partial.commit();
    } catch (const DataError& e) {
        log::warn(std::string(e.what()) + ": the gazetteer cache is not kept; start-up stays slow");
    }
}

}  // namespace cmap::geo
