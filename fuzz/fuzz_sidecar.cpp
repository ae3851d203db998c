// Fuzz target: an article's sidecar JSON (NAME.meta.json). Any input is either metadata or a
// DataError naming the sidecar; a date it accepts prints back as itself.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/text/article.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace cmap;
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> warnings;
    try {
        const text::ArticleMeta meta = text::parseSidecar(json, "fuzz.meta.json", warnings);
        if (meta.published) {
            const auto again = model::Date::parse(meta.published->iso());
            fuzz::check(again && again->iso() == meta.published->iso(), "a sidecar date does not round-trip");
        }
    } catch (const DataError& e) {
        fuzz::check(e.path() == "fuzz.meta.json", "a sidecar error does not name the sidecar");
    }
    for (const auto& w : warnings) fuzz::check(w.starts_with("fuzz.meta.json: "), "a warning does not name the sidecar");
    return 0;
}
