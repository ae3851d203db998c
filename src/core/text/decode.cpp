#include "core/text/decode.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "core/error.h"

// Sections: 1. UTF-8 helpers  2. binary sniffing  3. encodings (UTF-8, Windows-1252, UTF-16)
//           4. HTML to text  5. decodeText
namespace cmap::text {
namespace {

// ---------------------------------------------------------------------------------------------
// 1. UTF-8 helpers

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

constexpr char32_t kReplacement = 0xFFFD;

// Length of the well-formed UTF-8 sequence starting at s[i] (a non-ASCII lead byte), or 0 when
// it is not one. Follows the table of well-formed byte sequences in the Unicode standard (3.9),
// which rules out overlong forms and surrogates by narrowing the second byte's range.
size_t utf8SequenceLength(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    const size_t left = s.size() - i;
    auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return b(i + k) >= lo && b(i + k) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return 0;
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return cont(1, lo, hi) && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return 0;
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

// Skips a run of ASCII eight bytes at a time: most input is ASCII and this is the hot loop for
// multi-megabyte files.
size_t skipAscii(std::string_view s, size_t i) {
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    while (i + 8 <= s.size()) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (w & kHigh) break;
        i += 8;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
}

// ---------------------------------------------------------------------------------------------
// 2. Binary sniffing

bool isControl(unsigned char c) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
    return c < 0x20 || c == 0x7F;
}

// Text never holds NUL and rarely any other control character; executables, images and archives
// are full of both. Only a prefix is examined so that the check costs nothing on big files.
bool looksBinary(std::string_view s) {
    const std::string_view head = s.substr(0, 8192);
    if (head.find('\0') != std::string_view::npos) return true;
    size_t controls = 0;
    for (const char c : head) controls += isControl(static_cast<unsigned char>(c)) ? 1 : 0;
    return controls > 8 && controls * 20 > head.size();
}

// ---------------------------------------------------------------------------------------------
// 3. Encodings

// Windows-1252 bytes 0x80..0x9F; the rest of the upper half is Latin-1. The five unassigned
// bytes become U+FFFD so that they show up instead of hiding as invisible C1 controls.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char32_t cp1252(unsigned char c) {
    if (c >= 0x80 && c <= 0x9F) return kCp1252High[c - 0x80];
    return c;
}

// A decoded text with a map, before any markup is removed: for every text byte the source
// offset and length of the character it belongs to, plus the end of the source at map.back().
struct Mapped {
    std::string text;
    std::vector<uint32_t> map;  // empty: identity shifted by base
    std::vector<uint8_t> len;
    uint32_t base = 0;

    void reserve(size_t n) {
        text.reserve(n);
        map.reserve(n + 1);
        len.reserve(n);
    }
    // Records that the text bytes from `from` on came from source bytes [src, src + n).
    void mapSince(size_t from, size_t src, size_t n) {
        const size_t count = text.size() - from;
        map.insert(map.end(), count, static_cast<uint32_t>(src));
        len.insert(len.end(), count, static_cast<uint8_t>(std::min<size_t>(n, 255)));
    }
};

// Bytes that are not valid UTF-8. When well-formed multi-byte sequences outnumber the bad bytes
// the file is UTF-8 with a few stray legacy bytes (a pasted quote, say) and only those bytes are
// read as Windows-1252; otherwise the accidental UTF-8 look-alikes are Windows-1252 too.
Mapped decodeLegacy(std::string_view s, uint32_t base, std::vector<std::string>& warnings) {
    size_t validMulti = 0, invalid = 0;
    for (size_t i = 0; i < s.size();) {
        i = skipAscii(s, i);
        if (i >= s.size()) break;
        const size_t n = utf8SequenceLength(s, i);
        if (n) {
            ++validMulti;
            i += n;
        } else {
            ++invalid;
            ++i;
        }
    }
    const bool mixed = validMulti > invalid;
    Mapped m;
    m.reserve(s.size() + s.size() / 8);
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t before = m.text.size();
        size_t n = 1;
        if (c < 0x80) {
            m.text.push_back(static_cast<char>(c));
        } else if (mixed && (n = utf8SequenceLength(s, i)) != 0) {
            m.text.append(s.substr(i, n));
        } else {
            n = 1;
            appendUtf8(m.text, cp1252(c));
        }
        m.mapSince(before, base + i, n);
        i += n;
    }
    m.map.push_back(static_cast<uint32_t>(base + s.size()));
    if (mixed)
        warnings.push_back("not valid UTF-8 in " + std::to_string(invalid) +
                           " places; those bytes read as Windows-1252");
    else
        warnings.push_back("not valid UTF-8, read as Windows-1252");
    return m;
}

// UTF-16 with a byte order mark, as Windows editors save "Unicode" text. Without the mark such
// files look binary (every other byte NUL) and are refused.
Mapped decodeUtf16(std::string_view s, bool bigEndian, std::vector<std::string>& warnings) {
    Mapped m;
    const size_t units = (s.size() - 2) / 2;
    m.reserve(units);
    auto unit = [&](size_t k) -> char32_t {
        const auto a = static_cast<unsigned char>(s[2 + 2 * k]);
        const auto b = static_cast<unsigned char>(s[3 + 2 * k]);
        return bigEndian ? char32_t(a << 8 | b) : char32_t(b << 8 | a);
    };
    bool unpaired = false;
    for (size_t k = 0; k < units;) {
        const size_t src = 2 + 2 * k;
        char32_t cp = unit(k++);
        if (cp >= 0xD800 && cp <= 0xDBFF && k < units && unit(k) >= 0xDC00 && unit(k) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(k++) - 0xDC00);
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = kReplacement;
            unpaired = true;
        }
        const size_t before = m.text.size();
        appendUtf8(m.text, cp);
        m.mapSince(before, src, 2 + 2 * k - src);
    }
    m.map.push_back(static_cast<uint32_t>(s.size()));
    if (unpaired) warnings.push_back("UTF-16 text with unpaired surrogates, replaced by U+FFFD");
    if (s.size() % 2) warnings.push_back("UTF-16 text with an odd number of bytes; last byte ignored");
    return m;
}

// ---------------------------------------------------------------------------------------------
// 4. HTML to text

struct NamedEntity {
    std::string_view name;
    char32_t cp;
};

// The entities news pages actually use; anything else stays as written.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},          {"gt", '>'},          {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},       {"mdash", 0x2014},    {"ndash", 0x2013},
    {"rsquo", 0x2019},  {"lsquo", 0x2018},    {"rdquo", 0x201D},    {"ldquo", 0x201C},
    {"sbquo", 0x201A},  {"bdquo", 0x201E},    {"hellip", 0x2026},   {"laquo", 0xAB},
    {"raquo", 0xBB},    {"lsaquo", 0x2039},   {"rsaquo", 0x203A},   {"bull", 0x2022},
    {"middot", 0xB7},   {"deg", 0xB0},        {"copy", 0xA9},       {"reg", 0xAE},
    {"trade", 0x2122},  {"euro", 0x20AC},     {"pound", 0xA3},      {"cent", 0xA2},
    {"yen", 0xA5},      {"sect", 0xA7},       {"para", 0xB6},       {"times", 0xD7},
    {"divide", 0xF7},   {"minus", 0x2212},    {"prime", 0x2032},    {"Prime", 0x2033},
    {"shy", 0xAD},      {"zwnj", 0x200C},     {"zwj", 0x200D},      {"thinsp", 0x2009},
    {"ensp", 0x2002},   {"emsp", 0x2003},     {"iexcl", 0xA1},      {"iquest", 0xBF},
    {"ordm", 0xBA},     {"ordf", 0xAA},       {"aacute", 0xE1},     {"Aacute", 0xC1},
    {"eacute", 0xE9},   {"Eacute", 0xC9},     {"iacute", 0xED},     {"Iacute", 0xCD},
    {"oacute", 0xF3},   {"Oacute", 0xD3},     {"uacute", 0xFA},     {"Uacute", 0xDA},
    {"agrave", 0xE0},   {"Agrave", 0xC0},     {"egrave", 0xE8},     {"Egrave", 0xC8},
    {"igrave", 0xEC},   {"ograve", 0xF2},     {"ugrave", 0xF9},     {"acirc", 0xE2},
    {"ecirc", 0xEA},    {"icirc", 0xEE},      {"ocirc", 0xF4},      {"ucirc", 0xFB},
    {"auml", 0xE4},     {"Auml", 0xC4},       {"euml", 0xEB},       {"iuml", 0xEF},
    {"ouml", 0xF6},     {"Ouml", 0xD6},       {"uuml", 0xFC},       {"Uuml", 0xDC},
    {"atilde", 0xE3},   {"otilde", 0xF5},     {"ntilde", 0xF1},     {"Ntilde", 0xD1},
    {"ccedil", 0xE7},   {"Ccedil", 0xC7},     {"szlig", 0xDF},      {"oslash", 0xF8},
    {"Oslash", 0xD8},   {"aring", 0xE5},      {"Aring", 0xC5},      {"aelig", 0xE6},
    {"AElig", 0xC6},    {"scaron", 0x161},    {"Scaron", 0x160},    {"zcaron", 0x17E},
    {"Zcaron", 0x17D},  {"oelig", 0x153},     {"OElig", 0x152},
};

bool asciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool asciiDigit(char c) { return c >= '0' && c <= '9'; }
char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
    if (s.size() - pos < prefix.size()) return false;
    for (size_t k = 0; k < prefix.size(); ++k)
        if (asciiLower(s[pos + k]) != prefix[k]) return false;
    return true;
}

enum class TagEffect { None, Space, Newline };

// Block-level elements end a line so that the sentence splitter breaks there; table cells only
// separate words.
TagEffect tagEffect(std::string_view name) {
    static constexpr std::string_view kBlocks[] = {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title",
        "table", "thead", "tbody", "tfoot", "caption", "section", "article", "header", "footer",
        "aside", "nav", "main", "blockquote", "pre", "hr", "dl", "dd", "dt", "figure",
        "figcaption", "address", "form", "fieldset", "legend", "details", "summary", "option",
        "html", "head", "body"};
    for (const auto b : kBlocks)
        if (name == b) return TagEffect::Newline;
    if (name == "td" || name == "th" || name == "img") return TagEffect::Space;
    return TagEffect::None;
}

// Elements whose content is never article text.
bool dropsContent(std::string_view name) {
    return name == "script" || name == "style" || name == "noscript" || name == "template" ||
           name == "svg";
}

class HtmlToText {
public:
    explicit HtmlToText(std::string_view in) : in_(in) { m_.reserve(in.size() / 2); }

    // Returns the text and, for each of its bytes, the offset in `in` it came from.
    Mapped run() {
        const size_t n = in_.size();
        size_t i = 0;
        while (i < n) {
            const char c = in_[i];
            if (c == '<') {
                i = markup(i);
            } else if (c == '&') {
                i = entity(i);
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                whitespace(c == '\n' && preDepth_ > 0 ? TagEffect::Newline : TagEffect::Space, i);
                ++i;
            } else {
                // A run of ordinary bytes (multi-byte UTF-8 included) is copied in one go.
                size_t j = i + 1;
                while (j < n && !special(in_[j])) ++j;
                flushPending();
                m_.text.append(in_.substr(i, j - i));
                for (size_t k = i; k < j; ++k) m_.map.push_back(static_cast<uint32_t>(k));
                m_.len.insert(m_.len.end(), j - i, uint8_t{1});
                i = j;
            }
        }
        m_.map.push_back(static_cast<uint32_t>(n));
        return std::move(m_);
    }

private:
    static bool special(char c) {
        return c == '<' || c == '&' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    void whitespace(TagEffect e, size_t src) {
        if (e == TagEffect::Newline) {
            if (pending_ != TagEffect::Newline) pendingSrc_ = static_cast<uint32_t>(src);
            pending_ = TagEffect::Newline;
        } else if (e == TagEffect::Space && pending_ == TagEffect::None) {
            pending_ = TagEffect::Space;
            pendingSrc_ = static_cast<uint32_t>(src);
        }
    }

    // Whitespace is emitted lazily so that runs collapse and none leads or trails the text.
    void flushPending() {
        if (pending_ != TagEffect::None && !m_.text.empty()) {
            m_.text.push_back(pending_ == TagEffect::Newline ? '\n' : ' ');
            m_.map.push_back(pendingSrc_);
            m_.len.push_back(1);
        }
        pending_ = TagEffect::None;
    }

    // Emits one character that came from in_[src, src + n).
    void emit(char32_t cp, size_t src, size_t n) {
        if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            // A no-break space separates words like any other; keeping it as U+00A0 would only
            // make every later stage handle two kinds of space.
            whitespace(TagEffect::Space, src);
            return;
        }
        // Soft hyphens and zero-width joiners sit inside words ("Lata&shy;kia") and would hide
        // the word from the gazetteer.
        if (cp == 0xAD || cp == 0x200C || cp == 0x200D || cp < 0x20) return;
        flushPending();
        const size_t before = m_.text.size();
        appendUtf8(m_.text, cp);
        m_.mapSince(before, src, n);
    }

    // At '&': a character reference, or a literal ampersand when it is not one we know.
    size_t entity(size_t i) {
        const size_t n = in_.size();
        size_t j = i + 1;
        constexpr size_t kMaxName = 32;
        while (j < n && j - i <= kMaxName && (asciiAlpha(in_[j]) || asciiDigit(in_[j]) || in_[j] == '#'))
            ++j;
        if (j >= n || in_[j] != ';' || j == i + 1) {
            emit('&', i, 1);
            return i + 1;
        }
        const std::string_view name = in_.substr(i + 1, j - i - 1);
        if (name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string_view digits = name.substr(hex ? 2 : 1);
            uint32_t v = 0;
            bool ok = !digits.empty() && digits.size() <= 8;
            for (const char d : digits) {
                if (!ok) break;
                int dv = -1;
                if (asciiDigit(d)) dv = d - '0';
                else if (hex && d >= 'a' && d <= 'f') dv = d - 'a' + 10;
                else if (hex && d >= 'A' && d <= 'F') dv = d - 'A' + 10;
                if (dv < 0) ok = false;
                else v = v * (hex ? 16u : 10u) + static_cast<uint32_t>(dv);
            }
            if (!ok) {
                emit('&', i, 1);
                return i + 1;
            }
            char32_t cp = v;
            // As browsers do: legacy pages write Windows-1252 code points as references.
            if (cp >= 0x80 && cp <= 0x9F) cp = cp1252(static_cast<unsigned char>(cp));
            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
            emit(cp, i, j + 1 - i);
            return j + 1;
        }
        for (const auto& e : kEntities) {
            if (e.name == name) {
                emit(e.cp, i, j + 1 - i);
                return j + 1;
            }
        }
        emit('&', i, 1);
        return i + 1;
    }

    // At '<': a tag, comment or declaration (removed), or a literal '<' ("a < b").
    size_t markup(size_t i) {
        const size_t n = in_.size();
        if (in_.compare(i, 4, "<!--") == 0) {
            const size_t end = in_.find("-->", i + 4);
            return end == std::string_view::npos ? n : end + 3;
        }
        if (i + 1 < n && (in_[i + 1] == '!' || in_[i + 1] == '?')) {
            const size_t end = in_.find('>', i + 2);
            return end == std::string_view::npos ? n : end + 1;
        }
        const bool closing = i + 1 < n && in_[i + 1] == '/';
        size_t j = i + (closing ? 2 : 1);
        if (j >= n || !asciiAlpha(in_[j])) {
            emit('<', i, 1);
            return i + 1;
        }
        std::string name;
        while (j < n && (asciiAlpha(in_[j]) || asciiDigit(in_[j]) || in_[j] == '-' || in_[j] == ':')) {
            if (name.size() < 16) name.push_back(asciiLower(in_[j]));
            ++j;
        }
        // Attributes: only a quoted value may hide a '>'.
        bool selfClosing = false;
        while (j < n && in_[j] != '>') {
            if (in_[j] == '=') {
                ++j;
                while (j < n && (in_[j] == ' ' || in_[j] == '\t' || in_[j] == '\n' || in_[j] == '\r')) ++j;
                if (j < n && (in_[j] == '"' || in_[j] == '\'')) {
                    const size_t close = in_.find(in_[j], j + 1);
                    if (close == std::string_view::npos) return n;  // unterminated: the rest is the tag
                    j = close + 1;
                }
                continue;
            }
            selfClosing = in_[j] == '/';
            ++j;
        }
        if (j >= n) return n;  // a tag cut off by the end of the file
        ++j;                   // past '>'

        const TagEffect effect = tagEffect(name);
        if (effect != TagEffect::None) whitespace(effect, i);
        if (name == "pre") preDepth_ = closing ? std::max(0, preDepth_ - 1) : preDepth_ + 1;
        if (!closing && !selfClosing && dropsContent(name)) return skipElement(j, name);
        return j;
    }

    // Skips raw content up to (not including) the matching close tag "</name", linearly.
    size_t skipElement(size_t j, std::string_view name) {
        const size_t n = in_.size();
        for (size_t k = in_.find("</", j); k != std::string_view::npos; k = in_.find("</", k + 2)) {
            const size_t after = k + 2 + name.size();
            if (startsWithNoCase(in_, k + 2, name) && (after >= n || !asciiAlpha(in_[after]))) return k;
        }
        return n;
    }

    std::string_view in_;
    Mapped m_;
    TagEffect pending_ = TagEffect::None;
    uint32_t pendingSrc_ = 0;
    int preDepth_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// 5. decodeText

Format formatForPath(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = asciiLower(c);
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::Html;
    if (ext == ".md" || ext == ".markdown") return Format::Markdown;
    return Format::Text;
}

bool isValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        i = skipAscii(s, i);
        if (i >= s.size()) return true;
        const size_t n = utf8SequenceLength(s, i);
        if (!n) return false;
        i += n;
    }
    return true;
}

uint32_t DecodedText::sourceOffset(uint32_t textOffset) const {
    const auto t = std::min<size_t>(textOffset, text.size());
    if (toSource.empty()) return static_cast<uint32_t>(sourceBase + t);
    return toSource[t];
}

uint32_t DecodedText::sourceEnd(uint32_t textEnd) const {
    const auto t = std::min<size_t>(textEnd, text.size());
    if (toSource.empty()) return static_cast<uint32_t>(sourceBase + t);
    if (t == 0) return toSource[0];
    return toSource[t - 1] + sourceLength[t - 1];
}

std::string toUtf8(std::string_view bytes) {
    if (isValidUtf8(bytes)) return std::string(bytes);
    std::vector<std::string> warnings;
    return decodeLegacy(bytes, 0, warnings).text;
}

namespace {

// Both decodeText variants: owned, when given, holds bytes and may be moved into the text.
DecodedText decode(std::string_view bytes, std::string* owned, Format format, std::string_view name) {
    if (bytes.size() >= std::numeric_limits<uint32_t>::max())
        throw DataError(std::string(name), "file too large (4 GiB or more)");

    DecodedText out;
    Mapped enc;
    const auto byteAt = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
    if (bytes.size() >= 2 && ((byteAt(0) == 0xFF && byteAt(1) == 0xFE) || (byteAt(0) == 0xFE && byteAt(1) == 0xFF))) {
        enc = decodeUtf16(bytes, byteAt(0) == 0xFE, out.warnings);
        if (looksBinary(enc.text)) throw DataError(std::string(name), "binary file, not text");
    } else {
        const uint32_t base = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        const std::string_view body = bytes.substr(base);
        if (looksBinary(body)) throw DataError(std::string(name), "binary file, not text");
        if (isValidUtf8(body)) {
            if (owned && base == 0 && format != Format::Html) {
                out.text = std::move(*owned);  // the text is the bytes: keep them once
                owned->clear();
                return out;
            }
            enc.text.assign(body);
            enc.base = base;
        } else {
            enc = decodeLegacy(body, base, out.warnings);
        }
    }

    if (format != Format::Html) {
        out.text = std::move(enc.text);
        out.toSource = std::move(enc.map);
        out.sourceLength = std::move(enc.len);
        out.sourceBase = enc.base;
        return out;
    }

    Mapped html = HtmlToText(enc.text).run();
    // Compose: HTML text offset -> decoded offset -> source offset. A character's source runs
    // from the source of its first decoded byte to the source end of its last one.
    const auto encStart = [&](size_t j) -> size_t { return enc.map.empty() ? enc.base + j : enc.map[j]; };
    const auto encEnd = [&](size_t j) -> size_t { return enc.map.empty() ? enc.base + j + 1 : enc.map[j] + enc.len[j]; };
    for (size_t k = 0; k < html.len.size(); ++k) {
        const size_t first = html.map[k];
        const size_t start = encStart(first);
        html.len[k] = static_cast<uint8_t>(std::min<size_t>(encEnd(first + html.len[k] - 1) - start, 255));
        html.map[k] = static_cast<uint32_t>(start);
    }
    html.map.back() = static_cast<uint32_t>(encStart(html.map.back()) );
    out.text = std::move(html.text);
    out.toSource = std::move(html.map);
    out.sourceLength = std::move(html.len);
    return out;
}

}  // namespace

DecodedText decodeText(std::string_view bytes, Format format, std::string_view name) {
    return decode(bytes, nullptr, format, name);
}

DecodedText decodeTextTaking(std::string& bytes, Format format, std::string_view name) {
    return decode(bytes, &bytes, format, name);
}

}  // namespace cmap::text
