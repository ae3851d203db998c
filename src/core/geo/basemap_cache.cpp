#include "core/geo/basemap_cache.h"

#include <bit>
#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/error.h"
#include "core/geo/vector_source.h"
#include "core/io/mapped_file.h"
#include "core/io/partial_file.h"
#include "core/io/table_file.h"
#include "core/log.h"

namespace cmap::geo {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'A', 'P', 'B', 'A', 'S', 'E'};
// Bump when the layout or what is kept changes. Part of the file name too, as the gazetteer's.
constexpr uint32_t kFormatVersion = 1;

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t layers;     // std::size(BasemapCache::kLayers) when written
    uint64_t signature;  // BasemapCache::signature of the sources
    uint64_t checksum;   // of every byte after the header
};
// Written as bytes: no padding.
static_assert(sizeof(Header) == sizeof(Header::magic) + 2 * sizeof(uint32_t) + 2 * sizeof(uint64_t));

// Four independent lanes (the multiplications overlap): about a millisecond for each 4 MB, and every
// step is a bijection of its lane, so a change in any single word always changes the result.
uint64_t checksum(std::string_view bytes) {
    constexpr uint64_t kOdd = 0x9e3779b97f4a7c15ull;
    uint64_t lane[4] = {1, 2, 3, 4};
    size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        for (size_t k = 0; k < 4; ++k) {
            uint64_t w;
            std::memcpy(&w, bytes.data() + i + 8 * k, sizeof w);
            lane[k] = std::rotl(lane[k] ^ w, 29) * kOdd;
        }
    }
    uint64_t h = bytes.size();
    for (uint64_t l : lane) h = std::rotl(h ^ l, 29) * kOdd;
    for (; i < bytes.size(); ++i) h = std::rotl(h ^ static_cast<unsigned char>(bytes[i]), 29) * kOdd;
    return h;
}

bool sameName(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

bool kept(std::string_view field, std::span<const std::string> fields) {
    for (const std::string& f : fields)
        if (sameName(f, field)) return true;
    return false;
}

std::string layerName(Layer layer) { return std::string(kLayerNames[static_cast<size_t>(layer)]); }

GeometryKind geometryOf(Layer layer) { return layer == Layer::Places ? GeometryKind::Point : GeometryKind::Polygon; }

void putLayer(std::ostream& out, const FeatureSet* fs, std::span<const std::string> fields) {
    const uint32_t meta[2] = {fs ? 1u : 0u, fs ? static_cast<uint32_t>(fs->kind) : 0u};
    io::putTable(out, std::span<const uint32_t>(meta));
    if (!fs) return;
    std::string names;
    std::vector<size_t> columns;
    for (size_t c = 0; c < fs->fieldNames.size(); ++c) {
        if (!kept(fs->fieldNames[c], fields)) continue;
        names += fs->fieldNames[c];
        names += '\0';
        columns.push_back(c);
    }
    io::putTable(out, fs->path);
    io::putTable(out, fs->layer);
    io::putTable(out, fs->coords);
    io::putTable(out, fs->ringStart);
    io::putTable(out, fs->partStart);
    io::putTable(out, fs->featureStart);
    io::putTable(out, fs->featureBox);
    io::putTable(out, std::span<const BBox>(&fs->box, 1));
    io::putTable(out, std::string_view(names));
    for (size_t c : columns) {
        io::putTable(out, fs->columns[c].offsets);
        io::putTable(out, fs->columns[c].text);
    }
}

// One layer's tables, viewed in the mapped file; null (and in.ok() false, or problem set) when
// they do not hold together.
FeatureSetPtr readLayer(io::TableReader& in, const std::shared_ptr<const io::MappedFile>& mapped, bool& present,
                        std::string& problem) {
    std::span<const uint32_t> meta;
    in >> meta;
    present = false;
    if (!in.ok() || meta.size() != 2 || meta[0] > 1 || meta[1] > static_cast<uint32_t>(GeometryKind::Polygon)) {
        problem = "a layer header is damaged";
        return nullptr;
    }
    if (meta[0] == 0) return nullptr;
    present = true;
    auto fs = std::make_shared<FeatureSet>();
    fs->kind = static_cast<GeometryKind>(meta[1]);
    std::string_view path, layer, names;
    std::span<const BBox> box;
    in >> path >> layer >> fs->coords >> fs->ringStart >> fs->partStart >> fs->featureStart >> fs->featureBox >> box >>
        names;
    if (!in.ok() || box.size() != 1 || (!names.empty() && names.back() != '\0')) {
        problem = "a layer's tables overrun the file";
        return nullptr;
    }
    fs->path = path;
    fs->layer = layer;
    fs->box = box[0];
    for (size_t start = 0; start < names.size();) {
        const size_t end = names.find('\0', start);
        fs->fieldNames.emplace_back(names.substr(start, end - start));
        FeatureSet::Column column;
        in >> column.offsets >> column.text;
        fs->columns.push_back(column);
        start = end + 1;
    }
    if (!in.ok()) {
        problem = "a layer's attributes overrun the file";
        return nullptr;
    }
    problem = fs->problem();
    if (!problem.empty()) return nullptr;
    fs->storage = mapped;
    return fs;
}

}  // namespace

std::filesystem::path BasemapCache::file(const std::filesystem::path& cacheDir, const std::filesystem::path& dir) {
    if (cacheDir.empty()) return {};
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(dir, ec);
    char name[64];
    std::snprintf(name, sizeof name, "basemap-v%u-%016llx.bin", kFormatVersion,
                  static_cast<unsigned long long>(hashKey((ec ? dir : canonical).string())));
    return cacheDir / name;
}

uint64_t BasemapCache::signature(const std::filesystem::path& dir, std::span<const std::string> fields) {
    std::string all = std::to_string(kFormatVersion) + "|" + std::to_string(sizeof(LonLat)) + "|" +
                      std::to_string(sizeof(BBox));
    for (const std::string& f : fields) {
        all += "|field:";
        for (char c : f) all += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (Layer layer : kLayers) {
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
            const std::filesystem::path p = dir / (layerName(layer) + ext);
            std::error_code ec, ec2;
            const auto size = std::filesystem::file_size(p, ec);
            const auto time = std::filesystem::last_write_time(p, ec2);
            all += "\n" + p.filename().string() + "|";
            all += ec || ec2 ? "-" : std::to_string(size) + "|" + std::to_string(time.time_since_epoch().count());
        }
    }
    return hashKey(all);
}

std::optional<PreparedLayers> BasemapCache::read(const std::filesystem::path& file, uint64_t signature) {
    std::shared_ptr<const io::MappedFile> mapped = io::MappedFile::open(file);
    if (!mapped) return std::nullopt;
    const std::string_view bytes = mapped->bytes();
    Header h{};
    if (bytes.size() >= sizeof h) std::memcpy(&h, bytes.data(), sizeof h);
    // Another format or other sources: stale, not damaged.
    if (bytes.size() >= sizeof h && std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.version == kFormatVersion &&
        h.signature != signature)
        return std::nullopt;
    std::string problem;
    if (bytes.size() < sizeof h || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion ||
        h.layers != std::size(kLayers))
        problem = "not a basemap cache of this version";
    else if (checksum(bytes.substr(sizeof h)) != h.checksum)
        problem = "its checksum does not match";
    // The checksum touched every page; a regional export uses a few percent of the coordinates.
    mapped->dropPages();
    PreparedLayers out;
    out.fromCache = true;
    io::TableReader in(bytes, sizeof h);
    for (size_t i = 0; problem.empty() && i < std::size(kLayers); ++i) {
        bool present = false;
        FeatureSetPtr fs = readLayer(in, mapped, present, problem);
        if (present && fs && fs->kind != geometryOf(kLayers[i]) && fs->featureCount() > 0)
            problem = "a layer has the wrong geometry";
        out.byLayer[static_cast<size_t>(kLayers[i])] = std::move(fs);
    }
    if (problem.empty() && in.position() != bytes.size()) problem = "it has bytes after its last table";
    if (!problem.empty()) {
        log::warn(file.string() + ": damaged basemap cache (" + problem + "), rebuilding it");
        return std::nullopt;
    }
    return out;
}

bool BasemapCache::write(const std::filesystem::path& file, uint64_t signature, const PreparedLayers& layers,
                         std::span<const std::string> fields) {
    std::ostringstream payload;
    for (Layer layer : kLayers) putLayer(payload, layers[layer].get(), fields);
    const std::string body = std::move(payload).str();
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kFormatVersion;
    h.layers = static_cast<uint32_t>(std::size(kLayers));
    h.signature = signature;
    h.checksum = checksum(body);

    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    try {
        io::PartialFile partial(file);
        partial.write(std::string_view(reinterpret_cast<const char*>(&h), sizeof h));
        partial.write(body);
        partial.commit();
    } catch (const Error& e) {
        log::warn(std::string(e.what()) + " (the basemap cache; every run reads the shapefiles until it can be written)");
        return false;
    }
    return true;
}

PreparedLayers BasemapCache::load(const std::filesystem::path& dir, std::span<const std::string> fields,
                                  const std::filesystem::path& cacheDir) {
    const uint64_t sources = signature(dir, fields);
    const std::filesystem::path cache = file(cacheDir, dir);
    if (!cache.empty())
        if (std::optional<PreparedLayers> cached = read(cache, sources)) return std::move(*cached);
    PreparedLayers fresh;
    for (Layer layer : kLayers) {
        const std::filesystem::path shp = dir / (layerName(layer) + ".shp");
        FeatureSetPtr fs = loadVector(shp);
        if (fs->featureCount() > 0 && fs->kind != geometryOf(layer))
            throw DataError(shp.string(), "has " + std::string(geometryName(fs->kind)) + ", expected " +
                                              std::string(geometryName(geometryOf(layer))));
        fresh.byLayer[static_cast<size_t>(layer)] = std::move(fs);
    }
    // Read back from the file just written, so that a run draws the same tables whether or not
    // the cache was there when it started.
    if (!cache.empty() && write(cache, sources, fresh, fields))
        if (std::optional<PreparedLayers> written = read(cache, sources)) {
            written->fromCache = false;
            return std::move(*written);
        }
    return fresh;
}

}  // namespace cmap::geo
