#include "core/text/dates.h"
#include "core/text/dates_lex.h"

namespace cmap::text {
namespace {

using namespace datelex;
using model::Precision;

// Words that may share a line with a publication date without making it something else.
constexpr std::string_view kDateLineWords[] = {
    "published", "posted", "updated", "last", "modified", "on", "at", "am", "pm", "a", "m", "p", "gmt",
    "utc", "bst", "est", "edt", "cet", "cest", "msk", "et", "pt", "h", "date", "publicado", "publi\u00E9"};

bool isWeekdayWord(std::string_view w) {
    for (const auto& c : kWeekdays)
        if (c.name == w) return true;
    return false;
}

}  // namespace

std::optional<model::Date> inferPublicationDate(std::string_view text) {
    constexpr size_t kHead = 1000;
    std::string_view head = text.substr(0, kHead);

    // 1. A labelled date: "Published: September 30, 2015", "Posted on 2015-09-30". The label
    // must be on the same line, and published/posted win over updated.
    const std::string lowered = lowerAscii(head);
    for (const std::string_view label : {"published", "posted", "publicado", "updated"}) {
        for (size_t at = lowered.find(label); at != std::string::npos; at = lowered.find(label, at + 1)) {
            if (at > 0 && isAsciiAlpha(static_cast<unsigned char>(lowered[at - 1]))) continue;  // "unpublished"
            const size_t from = at + label.size();
            size_t to = head.find('\n', from);
            if (to == std::string_view::npos) to = head.size();
            to = std::min(to, from + 120);
            const auto mentions = findDates(head.substr(from, to - from), 0, std::nullopt);
            if (!mentions.empty() && mentions.front().span.start <= 40 && mentions.front().date.precision() != Precision::Year)
                return mentions.front().date;
        }
    }

    // 2. A full date that is (nearly) a whole line of the first three, or follows a dateline.
    size_t lineStart = 0;
    for (int lines = 0; lines < 3 && lineStart < head.size();) {
        size_t lineEnd = head.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) lineEnd = head.size();
        const std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        ++lines;
        const auto mentions = findDates(line, 0, std::nullopt);
        if (mentions.empty()) continue;
        const DateMention& m = mentions.front();
        if (m.date.precision() != Precision::Day) continue;
        const std::string_view pre = line.substr(0, m.span.start);
        const std::string_view post = line.substr(m.span.end);
        // Dateline: capitals and a comma before the date ("MOSCOW, Sept. 30, 2015 -").
        std::string buf;
        const auto preToks = tokenize(pre, buf);
        bool dateline = !preToks.empty() && preToks.back().kind == Kind::Punct && preToks.back().cp == ',';
        for (size_t k = 0; k + 1 < preToks.size() && dateline; ++k)
            if (preToks[k].kind != Kind::Word || !preToks[k].allUpper) dateline = false;
        if (dateline) return m.date;
        // Otherwise only time words, weekdays, times and punctuation may share the line.
        bool onlyDateWords = true;
        std::string partBuf;
        for (const std::string_view part : {pre, post})
            for (const Tok& t : tokenize(part, partBuf))
                if (t.kind == Kind::Word && !in(kDateLineWords, t.lower) && !isWeekdayWord(t.lower)) onlyDateWords = false;
        if (onlyDateWords) return m.date;
    }
    return std::nullopt;
}


}  // namespace cmap::text
