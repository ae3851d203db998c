#pragma once
// Records of a comma-separated file, read a line at a time: what the event import reads an
// ACLED-style table with, instead of GDAL's CSV driver (whose library, its dependencies and a
// feature object per row cost a viewer that opens a million events 20-odd MB and most of the
// import's time). Split as GDAL's driver splits them, so both read a file the same way: a quote
// starts or ends quoted text anywhere in a field (dropped), two quotes inside quoted text are one,
// a record goes on over line ends inside quoted text, and blank lines are no records.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cmap::io {

class CsvRecords {
public:
    /// Opens path; throws DataError naming it when it cannot be read.
    explicit CsvRecords(const std::filesystem::path& path);
    /// The next record's fields (valid until the next call); false at the end of the file.
    /// Throws DataError naming the file on a read error.
    bool next(std::vector<std::string>& fields);
    /// The first line's text as read (a UTF-8 byte order mark dropped): for deciding how to read.
    const std::string& firstLine() const { return first_; }

private:
    bool readLine(std::string& line);

    std::string file_;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in_;
    std::string first_, line_;
    bool haveFirst_ = false;
};

/// Lines in a file (line ends counted, plus a last line without one): a row count's upper bound
/// to reserve columns by. Throws DataError naming the file on a read error.
size_t countLines(const std::filesystem::path& path);

}  // namespace cmap::io
