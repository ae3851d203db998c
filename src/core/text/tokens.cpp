#include "core/text/tokens.h"

#include <utf8proc.h>

#include <array>
#include <cstdint>

#include "core/text/byte_runs.h"

namespace cmap::text {
namespace {

// Decodes one code point at i (bytes are known to be valid UTF-8 after decoding, but a stray
// byte must still not stop us: it counts as one code point of its own).
utf8proc_int32_t codePoint(std::string_view s, size_t i, size_t& len) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    len = n > 0 ? static_cast<size_t>(n) : 1;
    return n > 0 ? cp : -1;
}

bool isWordCodePoint(utf8proc_int32_t cp) {
    if (cp < 0) return false;
    auto cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||  // letters and marks
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// Latin letters beyond ASCII: the Latin-1 and Latin Extended blocks, IPA, Latin Extended
// Additional (Vietnamese) and the later Latin extensions.
bool latinLetter(utf8proc_int32_t cp) {
    return cp < 0x370 || (cp >= 0x1D00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
           (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xAB30 && cp < 0xAB70) || (cp >= 0xFB00 && cp < 0xFB07);
}

bool isApostrophe(utf8proc_int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

// One table lookup per ASCII byte instead of chains of range tests: this loop sees every byte
// of every article.
enum : uint8_t { kLowerCh = 1, kUpperCh = 2, kDigitCh = 4, kSpaceCh = 8, kHyphenCh = 16, kApostropheCh = 32,
                 kPeriodCh = 64, kMultiByte = 128 };
constexpr uint8_t kWordCh = kLowerCh | kUpperCh | kDigitCh;
constexpr std::array<uint8_t, 256> kByteClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = kLowerCh;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = kUpperCh;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigitCh;
    t[' '] = t['\t'] = kSpaceCh;
    t['-'] = kHyphenCh;
    t['\''] = kApostropheCh;
    t['.'] = kPeriodCh;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<size_t>(c)] = kMultiByte;
    return t;
}();

struct AsciiRun {
    unsigned length;  ///< how many leading bytes are ASCII letters or digits, 0..8
    bool lower;       ///< whether a lower-case letter is among them
    bool digit;       ///< whether a digit is among them
};

// The word bytes at the start of eight, at once (most words are short ASCII runs).
AsciiRun asciiWordRun(uint64_t x) {
    const uint64_t lower = swar::within(x, 'a', 'z'), digit = swar::within(x, '0', '9');
    const unsigned length = swar::leading(lower | swar::within(x, 'A', 'Z') | digit);
    const uint64_t run = swar::firstBytes(length);
    return {length, (lower & run) != 0, (digit & run) != 0};
}

}  // namespace

void tokenize(std::string_view text, Span span, std::vector<Token>& out) {
    size_t i = span.start;
    const size_t end = std::min<size_t>(span.end, text.size());
    while (i < end) {
        // Skip to the next word character.
        auto c = static_cast<unsigned char>(text[i]);
        size_t len = 1;
        bool word;
        if (c < 0x80) word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        else word = isWordCodePoint(codePoint(text, i, len));
        if (!word) {
            i += len;
            continue;
        }
        Token t;
        t.span.start = static_cast<uint32_t>(i);
        // Flags from the first character.
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') t.flags |= kUpper;
            else if (c >= '0' && c <= '9') t.flags |= kDigit;
        } else {
            const auto cp = codePoint(text, i, len);
            auto cat = utf8proc_category(cp);
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO)
                t.flags |= kUpper;
            if (cat <= UTF8PROC_CATEGORY_LO && !latinLetter(cp)) t.flags |= kForeign;
        }
        bool lowerSeen = false, digitSeen = false;  // an ASCII lower-case letter, a digit in the word
        int wideLetters = 0, wideUppers = 0;
        while (i < end) {
            if (end - i >= 8) {
                const AsciiRun run = asciiWordRun(swar::load8(text.data() + i));
                lowerSeen |= run.lower;
                digitSeen |= run.digit;
                i += run.length;
                if (run.length == 8) continue;
            }
            if (i >= end) break;
            const uint8_t k = kByteClass[static_cast<unsigned char>(text[i])];
            if (k & kWordCh) {  // within the last 8 bytes of the span
                lowerSeen |= (k & kLowerCh) != 0;
                digitSeen |= (k & kDigitCh) != 0;
                ++i;
            } else if (k == kMultiByte) {
                auto cp = codePoint(text, i, len);
                if (!isWordCodePoint(cp)) break;
                auto cat = utf8proc_category(cp);
                wideLetters += cat <= UTF8PROC_CATEGORY_LO;
                wideUppers += cat == UTF8PROC_CATEGORY_LU;
                i += len;
            } else {
                break;
            }
        }
        t.span.end = static_cast<uint32_t>(i);
        if (digitSeen) t.flags |= kDigits;
        // All capitals: two letters or more, each upper case. Most words have a lower-case ASCII
        // letter, so the letters are counted only for the few that do not.
        if (!lowerSeen && wideUppers == wideLetters) {
            int letters = wideLetters;
            for (uint32_t b = t.span.start; b < t.span.end; ++b)
                letters += (kByteClass[static_cast<unsigned char>(text[b])] & kUpperCh) != 0;
            if (letters >= 2) t.flags |= kAllCaps;
        }

        // Classify what follows, up to the next word character. Mostly one space before an ASCII
        // word: that needs no counting.
        size_t j = i;
        if (j + 1 < end && text[j] == ' ' && (kByteClass[static_cast<unsigned char>(text[j + 1])] & kWordCh)) {
            t.gapAfter = Gap::Space;
            out.push_back(t);
            i = j + 1;
            continue;
        }
        int spaces = 0, hyphens = 0, apostrophes = 0, periods = 0, others = 0;
        while (j < end) {
            const uint8_t k = kByteClass[static_cast<unsigned char>(text[j])];
            if (k & kWordCh) break;
            if (k == kMultiByte) {
                auto cp = codePoint(text, j, len);
                if (isWordCodePoint(cp)) break;
                if (isApostrophe(cp)) ++apostrophes;
                else if (cp == 0x00A0) ++spaces;
                else if (cp == 0x2010 || cp == 0x2011) ++hyphens;
                else ++others;
                j += len;
                continue;
            }
            spaces += k == kSpaceCh;
            hyphens += k == kHyphenCh;
            apostrophes += k == kApostropheCh;
            periods += k == kPeriodCh;
            others += k == 0;
            ++j;
        }
        if (j >= end) t.gapAfter = Gap::Other;
        else if (others == 1 && text[i] == ',' && spaces == 1 && j == i + 2 && !hyphens && !apostrophes && !periods)
            t.gapAfter = Gap::Comma;
        else if (others) t.gapAfter = Gap::Other;
        else if (periods == 1 && !hyphens && !apostrophes) t.gapAfter = Gap::Period;
        else if (periods) t.gapAfter = Gap::Other;
        else if (hyphens == 1 && !spaces && !apostrophes) t.gapAfter = Gap::Hyphen;
        else if (apostrophes == 1 && !spaces && !hyphens) t.gapAfter = Gap::Apostrophe;
        else if (spaces && !hyphens && !apostrophes) t.gapAfter = Gap::Space;
        else t.gapAfter = Gap::Other;
        out.push_back(t);
        i = j;
    }
}

}  // namespace cmap::text
