#include "core/geo/normalize.h"

#include <utf8proc.h>

#include <array>

namespace cmap::geo {
namespace {

bool isApostrophe(utf8proc_int32_t c) {
    return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == 0x02BF ||
           c == 0x02BE || c == 0x00B4;
}

// ASCII folded: letters lower-cased, digits kept, apostrophes dropped, anything else a separator.
constexpr char kDropped = 0;
constexpr std::array<char, 128> kAsciiFold = [] {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c) t[static_cast<size_t>(c)] = ' ';
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c + 32);
    for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c);
    t['\''] = t['`'] = kDropped;
    return t;
}();

// The bytes a plain ASCII word is made of (letters and digits), folded; 0 for every other byte:
// one lookup and one test a byte for the words most text is made of.
constexpr std::array<char, 256> kPlainFold = [] {
    std::array<char, 256> t{};
    for (int c = 0; c < 128; ++c)
        if (kAsciiFold[static_cast<size_t>(c)] != ' ' && kAsciiFold[static_cast<size_t>(c)] != kDropped)
            t[static_cast<size_t>(c)] = kAsciiFold[static_cast<size_t>(c)];
    return t;
}();

// Appends a separator unless the output is empty or already ends with one, so runs collapse.
void separate(std::string& out, size_t start) {
    if (out.size() > start && out.back() != ' ') out.push_back(' ');
}

void trimSeparator(std::string& out, size_t start) {
    if (out.size() > start && out.back() == ' ') out.pop_back();
}

}  // namespace

void appendNormalized(std::string_view name, std::string& out) {
    const size_t start = out.size();
    // Most words of English news are ASCII letters and digits alone: copied, lower-cased in place.
    out.append(name);
    char* const plain = out.data() + start;
    size_t done = 0;
    for (; done < name.size(); ++done) {
        const char f = kPlainFold[static_cast<unsigned char>(plain[done])];
        if (!f) break;
        plain[done] = f;
    }
    if (done == name.size()) return;
    out.resize(start);

    bool ascii = true;
    for (char ch : name) ascii &= static_cast<unsigned char>(ch) < 0x80;

    if (ascii) {  // The common case in English news: no Unicode tables, one table lookup a byte.
        out.resize(start + name.size());  // folding never lengthens ASCII
        size_t w = start;
        for (char ch : name) {
            const char f = kAsciiFold[static_cast<unsigned char>(ch)];
            if (f == kDropped || (f == ' ' && (w == start || out[w - 1] == ' '))) continue;  // runs collapse
            out[w++] = f;
        }
        if (w > start && out[w - 1] == ' ') --w;
        out.resize(w);
        return;
    }

    auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
    utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(name.size());
    utf8proc_ssize_t i = 0;
    utf8proc_int32_t buf[32];
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(bytes + i, n - i, &cp);
        if (len <= 0) {  // an invalid byte: treat as a separator and move on
            separate(out, start);
            ++i;
            continue;
        }
        i += len;
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, buf, 32,
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
            &last);
        if (m < 0) {
            separate(out, start);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < m && k < 32; ++k) {
            utf8proc_int32_t c = buf[k];
            if (isApostrophe(c)) continue;
            auto cat = utf8proc_category(c);
            if (cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_SK) continue;
            bool letterOrDigit = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                 (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
                                 cat == UTF8PROC_CATEGORY_MC;  // spacing marks carry vowels in Indic scripts
            if (!letterOrDigit) {
                separate(out, start);
                continue;
            }
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t w = utf8proc_encode_char(c, enc);
            out.append(reinterpret_cast<const char*>(enc), static_cast<size_t>(w));
        }
    }
    trimSeparator(out, start);
}

namespace {

bool isArticle(std::string_view w) {
    static constexpr std::string_view kArticles[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed",
                                                     "er", "es", "esh", "et", "ez", "en", "ul", "ech"};
    for (std::string_view a : kArticles)
        if (w == a) return true;
    return false;
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// The consonants of a key as spellings of one name share them; with vowelSlots, a '.' where each
// run of vowels stands.
std::string skeleton(std::string_view key, bool vowelSlots);

}  // namespace

std::string looseKey(std::string_view key) {
    std::string out = skeleton(key, false);
    if (out.size() >= 4) return out;
    // Three letters fold together too many words; with the places of their vowels they are a
    // name's shape ("h.s.k." is Hasakah and Hassakeh, not Hosk or Husky).
    if (out.size() == 3) return skeleton(key, true);
    return {};
}

std::string spellingSkeleton(std::string_view key) { return skeleton(key, false); }

bool isShapeKey(std::string_view looseKey) { return looseKey.find('.') != std::string_view::npos; }

namespace {

std::string skeleton(std::string_view key, bool vowelSlots) {
    std::string joined;
    joined.reserve(key.size());
    size_t pos = 0;
    while (pos < key.size()) {
        size_t end = key.find(' ', pos);
        if (end == std::string_view::npos) end = key.size();
        std::string_view word = key.substr(pos, end - pos);
        // An article is dropped before another word only: "As" alone is a word, not an article.
        if (!(end < key.size() && isArticle(word))) joined.append(word);
        pos = end + 1;
    }
    for (char c : joined)
        if (!(c >= 'a' && c <= 'z')) return {};
    // A final h after a vowel is a spelling of the ta marbuta or a long vowel: "Hamah", "Raqqah".
    if (joined.size() > 2 && joined.back() == 'h' && isVowel(joined[joined.size() - 2])) joined.pop_back();

    std::string out;
    out.reserve(joined.size());
    char last = 0;
    for (size_t i = 0; i < joined.size(); ++i) {
        char c = joined[i];
        const char next = i + 1 < joined.size() ? joined[i + 1] : '\0';
        // Digraphs for one sound: kh (Khan = Han), sh and French ch (Kamechliye = Qamishli),
        // zh, dh, th, gh, ph; "tch" and "dj" are French for ch and j.
        if (next == 'h' && (c == 'k' || c == 's' || c == 'c' || c == 'z' || c == 'd' || c == 't' || c == 'g' || c == 'p')) {
            c = c == 'k' ? 'h' : c == 'c' ? 's' : c == 'p' ? 'f' : c;
            ++i;
        } else if (c == 't' && next == 'c' && i + 2 < joined.size() && joined[i + 2] == 'h') {
            c = 's';
            i += 2;
        } else if (c == 'd' && next == 'j') {
            c = 'j';
            ++i;
        } else if (c == 'q' || c == 'c') {
            c = 'k';
        } else if (c == 'm' && next == 'b') {
            c = 'n';  // n is said m before b, and some write it so: Membij = Manbij, Ambar = Anbar
        } else if (c == 'o' && next == 'u' && i + 2 < joined.size() && isVowel(joined[i + 2]) && joined[i + 2] != 'y') {
            // French ou before a vowel: w at the start (Ouadi = Wadi), u and w inside (Soueida =
            // Suwayda).
            if (vowelSlots && i > 0 && out.back() != '.') out.push_back('.');
            c = 'v';
            ++i;
        } else if (c == 'w') {
            // A diphthong's w is a vowel ("Dayr az Zawr" = "Deir ez-Zor"); elsewhere a v (Lwiw).
            c = i > 0 && isVowel(joined[i - 1]) && !isVowel(next) ? 'u' : 'v';
        }
        const bool doubled = c == last;  // Raqqa = Raqa, Hassan = Hasan
        last = c;
        if (vowelSlots && isVowel(c)) {
            if (out.empty() || out.back() != '.') out.push_back('.');  // one slot a run of vowels
            continue;
        }
        if (out.empty()) {
            out.push_back(isVowel(c) && c != 'y' ? 'a' : c);  // A'zaz = I'zaz = Azaz
            continue;
        }
        if (isVowel(c) || doubled) continue;
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string normalizeName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    appendNormalized(name, out);
    return out;
}

}  // namespace cmap::geo
