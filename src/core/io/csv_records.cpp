#include "core/io/csv_records.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace cmap::io {
namespace {

// Quotes in s ("" inside quoted text counts twice: even): an odd count leaves quoted text open.
size_t quotes(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '"')); }

// GDAL's CSVSplitLine with a comma and quotes honoured.
void split(const std::string& line, std::vector<std::string>& fields) {
    fields.clear();
    fields.emplace_back();
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
}

}  // namespace

CsvRecords::CsvRecords(const std::filesystem::path& path) : file_(path.string()), in_(std::fopen(path.c_str(), "rb"), std::fclose) {
    if (!in_) throw DataError(file_, std::string("cannot be read (") + std::strerror(errno) + ")");
    haveFirst_ = readLine(first_);
    if (first_.starts_with("\xEF\xBB\xBF")) first_.erase(0, 3);
}

bool CsvRecords::readLine(std::string& line) {
    line.clear();
    char buffer[4096];
    bool any = false;
    while (std::fgets(buffer, sizeof buffer, in_.get())) {
        any = true;
        const size_t n = std::strlen(buffer);
        line.append(buffer, n);
        if (n > 0 && buffer[n - 1] == '\n') break;
    }
    if (std::ferror(in_.get())) throw DataError(file_, "cannot be read (a read error)");
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return any;
}

bool CsvRecords::next(std::vector<std::string>& fields) {
    for (;;) {
        if (haveFirst_) {
            line_ = first_;
            haveFirst_ = false;
        } else if (!readLine(line_)) {
            return false;
        }
        // A line end inside quoted text belongs to the field. Each line's quotes are counted once:
        // a quote left open in a large file must not make reading it quadratic.
        std::string more;
        for (size_t open = quotes(line_); open % 2 == 1 && readLine(more); open += quotes(more)) {
            line_ += '\n';
            line_ += more;
        }
        if (line_.empty()) continue;  // a blank line is no record
        split(line_, fields);
        return true;
    }
}

size_t countLines(const std::filesystem::path& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!in) throw DataError(path.string(), std::string("cannot be read (") + std::strerror(errno) + ")");
    std::vector<char> buffer(1 << 16);
    size_t lines = 0, n = 0;
    char last = '\n';
    while ((n = std::fread(buffer.data(), 1, buffer.size(), in.get())) > 0) {
        lines += static_cast<size_t>(std::count(buffer.data(), buffer.data() + n, '\n'));
        last = buffer[n - 1];
    }
    if (std::ferror(in.get())) throw DataError(path.string(), "cannot be read (a read error)");
    return lines + (last != '\n' ? 1 : 0);
}

}  // namespace cmap::io
