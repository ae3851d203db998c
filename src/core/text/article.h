#pragma once
// An article as the user gave it: the file's bytes (so that a mention can be cited as a slice of
// the file), its decoded text, and what is known about it from its sidecar NAME.meta.json.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/text/decode.h"

namespace cmap::text {

/// Where the publication date came from; a date read from the text deserves less trust.
enum class PublishedFrom { Unknown, Override, Sidecar, Text };

struct ArticleMeta {
    std::optional<std::string> title, source, author, kind;
    /// The outlet's home town ("Springfield, Illinois"), for local news: among namesakes, the
    /// places near it are meant, as near a dateline.
    std::optional<std::string> place;
    std::optional<model::Date> published;
    PublishedFrom publishedFrom = PublishedFrom::Unknown;
};

struct Article {
    std::string path;   ///< as given (a name for in-memory articles)
    /// The file as read, when it differs from decoded.text; empty when they are the same bytes
    /// (valid UTF-8 plain text: a large article is kept once). Read it through bytes().
    std::string rawBytes;
    DecodedText decoded;
    ArticleMeta meta;
    std::vector<std::string> warnings;  ///< decoding and sidecar notes, each naming its file

    /// The file as read; decoded.sourceOffset() indexes it.
    std::string_view bytes() const { return rawBytes.empty() ? std::string_view(decoded.text) : rawBytes; }
};

/// The sidecar of an article: x/foo.txt -> x/foo.meta.json. Throws nothing.
std::filesystem::path sidecarPath(const std::filesystem::path& article);

/// Parses sidecar JSON text. name is used in messages. Unknown keys are reported in warnings.
/// Throws DataError(name, ...) for malformed JSON, a non-object, wrong types or impossible dates.
ArticleMeta parseSidecar(std::string_view json, const std::string& name, std::vector<std::string>& warnings);

/// The largest article read (and sidecar): 256 MB, far beyond any news text, well within memory.
inline constexpr uint64_t kMaxArticleBytes = uint64_t{256} << 20;

/// Reads and decodes an article and its sidecar, if any. The publication date is the override,
/// else the sidecar's, else one stated in the text, else unknown.
/// Throws DataError naming the file for a missing, unreadable or binary file, a directory, a file
/// that is not a regular file (a named pipe, a device) or one over kMaxArticleBytes, and naming
/// the sidecar for a bad sidecar.
Article loadArticle(const std::filesystem::path& path, std::optional<model::Date> publishedOverride = {});

/// The same from memory: meta is taken as given; a missing publication date is looked for in
/// the text. Throws DataError(name, ...) for binary bytes.
Article makeArticle(std::string name, std::string bytes, Format format, ArticleMeta meta);

}  // namespace cmap::text
