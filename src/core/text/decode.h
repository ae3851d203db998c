#pragma once
// Bytes as read from a file -> UTF-8 plain text, keeping a map from every text byte back to the
// file byte it came from, so that a mention found in the text can be cited as a slice of the
// file the user gave us.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cmap::text {

enum class Format { Text, Markdown, Html };

/// Format from the extension, case-insensitive: .html/.htm -> Html, .md/.markdown -> Markdown,
/// anything else (including .txt and none) -> Text. Throws nothing.
Format formatForPath(const std::filesystem::path& path);

struct DecodedText {
    std::string text;  ///< UTF-8 plain text
    /// Byte offset in the source of every byte offset of text, size text.size() + 1 (the last
    /// entry is the end of the source). Empty when text is the source shifted by sourceBase
    /// bytes (valid UTF-8 plain text, BOM or not): the common case pays for no map.
    std::vector<uint32_t> toSource;
    /// With toSource: how many source bytes the character of each text byte came from (3 for
    /// "\xE2\x80\x94", 7 for "&mdash;", 1 for a Windows-1252 byte), size text.size().
    std::vector<uint8_t> sourceLength;
    uint32_t sourceBase = 0;  ///< bytes skipped at the start of the source (a BOM) when toSource is empty
    std::vector<std::string> warnings;

    /// Where the text from textOffset on begins in the source: use it for the start of a span.
    /// Offsets past the end map to the end of the source. Throws nothing.
    uint32_t sourceOffset(uint32_t textOffset) const;
    /// Where the text before textEnd ends in the source: use it for the end of a span, so that
    /// markup between a span and the next text (an HTML "</b>") stays out of the slice.
    /// Throws nothing.
    uint32_t sourceEnd(uint32_t textEnd) const;
    /// Whether text equals the source bytes from sourceBase on. Throws nothing.
    bool identity() const { return toSource.empty(); }
};

/// Decodes bytes of the given format. name is used in error messages only.
/// Throws DataError(name, ...) for binary input ("binary file, not text") and inputs of 4 GiB
/// or more.
DecodedText decodeText(std::string_view bytes, Format format, std::string_view name);

/// The same, without a copy of a large file: when the text is the bytes as they are (valid
/// UTF-8 plain text without a BOM, most articles), they are moved into it and bytes is left
/// empty; otherwise bytes is left as it was. Throws as decodeText.
DecodedText decodeTextTaking(std::string& bytes, Format format, std::string_view name);

/// bytes as UTF-8 by the rule articles follow: as is when valid, else the invalid bytes read as
/// Windows-1252. For short texts such as attribute values. Throws nothing.
std::string toUtf8(std::string_view bytes);

/// Whether bytes is entirely valid UTF-8 (no overlongs, surrogates or code points past
/// U+10FFFF). Throws nothing.
bool isValidUtf8(std::string_view bytes);

}  // namespace cmap::text
