#include "core/assets.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cmap::assets {

std::string_view get(std::string_view path) {
    const Asset* end = kEmbedded + kEmbeddedCount;
    const Asset* it = std::lower_bound(kEmbedded, end, path, [](const Asset& a, std::string_view p) { return a.path < p; });
    if (it == end || it->path != path) throw std::logic_error("asset not embedded: " + std::string(path));
    return it->bytes;
}

std::vector<std::string_view> lines(std::string_view path) {
    std::string_view rest = get(path);
    std::vector<std::string_view> out;
    while (!rest.empty()) {
        size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
        const size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') continue;
        line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        out.push_back(line);
    }
    return out;
}

}  // namespace cmap::assets
