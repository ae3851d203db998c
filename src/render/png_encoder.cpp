#include "render/png_encoder.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <thread>
#include <vector>

namespace cmap::render {
namespace {

// Rows a band holds at least: fewer would cost more in flushes and threads than they save.
constexpr int kMinBandRows = 64;

// One band deflated: its bytes in the zlib stream and the Adler-32 of the data they hold.
struct Piece {
    std::string deflated;
    uLong adler = 0;
    size_t length = 0;  // of that data (rows with their filter bytes)
};

// Rows are unfiltered (filter type 0) and deflated at level 1. On the benchmark's 4K map (one
// thread) that is 0.095 s of CPU and 2.15 MB, where the Sub filter with the run-length strategy took
// 0.12 s for 3.8 MB, level 3 about the same time for 2.04 MB, and libspng's adaptive filters 0.48 s:
// a map's flat areas repeat whole pixels, which deflate's matches find without a filter. Rows go
// through a small buffer a few at a time, so no copy of the whole image is made.
Piece deflateBand(const Image& image, int firstRow, int endRow, bool last) {
    constexpr int kRowsAtOnce = 8;
    const size_t rowBytes = static_cast<size_t>(image.width) * 4;
    std::vector<uint8_t> staged((rowBytes + 1) * kRowsAtOnce);
    Piece piece;
    piece.adler = adler32(0, nullptr, 0);
    z_stream z{};
    // Raw deflate (negative window bits): the pieces are joined under one zlib header.
    deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    // Maps deflate to a few percent of their size: the output starts small and grows on demand.
    piece.deflated.resize(std::max<size_t>(4096, rowBytes * static_cast<size_t>(endRow - firstRow) / 16));
    z.next_out = reinterpret_cast<Bytef*>(piece.deflated.data());
    z.avail_out = static_cast<uInt>(piece.deflated.size());
    auto pump = [&](int flush) {
        for (;;) {
            if (z.avail_out == 0) {
                piece.deflated.resize(piece.deflated.size() * 2);
                z.next_out = reinterpret_cast<Bytef*>(piece.deflated.data()) + z.total_out;
                z.avail_out = static_cast<uInt>(piece.deflated.size() - z.total_out);
            }
            const int rc = deflate(&z, flush);
            // Done once the input is in and, when flushing, all of the output is out.
            if (flush == Z_FINISH ? rc == Z_STREAM_END : z.avail_in == 0 && (flush == Z_NO_FLUSH || z.avail_out > 0))
                return;
        }
    };
    for (int y = firstRow; y < endRow; y += kRowsAtOnce) {
        const int rows = std::min(kRowsAtOnce, endRow - y);
        uint8_t* out = staged.data();
        for (int r = 0; r < rows; ++r) {
            *out++ = 0;
            std::memcpy(out, image.pixel(0, y + r), rowBytes);
            out += rowBytes;
        }
        const auto n = static_cast<uInt>(out - staged.data());
        piece.adler = adler32(piece.adler, staged.data(), n);
        piece.length += n;
        z.next_in = staged.data();
        z.avail_in = n;
        const bool end = y + rows == endRow;
        pump(end ? (last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH);
    }
    piece.deflated.resize(z.total_out);
    deflateEnd(&z);
    return piece;
}

void putU32(std::string& out, uint32_t v) {
    const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    out.append(bytes, 4);
}

void putChunk(std::string& out, const char type[4], std::string_view data) {
    putU32(out, static_cast<uint32_t>(data.size()));
    const size_t start = out.size();
    out.append(type, 4);
    out.append(data);
    putU32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(out.data() + start),
                                            static_cast<uInt>(out.size() - start))));
}

}  // namespace

std::string encodePng(const Image& image, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const int bands = std::clamp(image.height / kMinBandRows, 1, static_cast<int>(threads));
    const int rowsPerBand = (image.height + bands - 1) / bands;
    std::vector<Piece> pieces(static_cast<size_t>(bands));
    std::vector<std::exception_ptr> failures(static_cast<size_t>(bands));
    {
        std::vector<std::jthread> workers;
        for (int b = 0; b < bands; ++b) {
            const int first = b * rowsPerBand, end = std::min(image.height, first + rowsPerBand);
            auto work = [&, b, first, end] {
                try {
                    pieces[static_cast<size_t>(b)] = deflateBand(image, first, end, b + 1 == bands);
                } catch (...) {
                    failures[static_cast<size_t>(b)] = std::current_exception();  // rethrown on this thread
                }
            };
            if (b + 1 == bands) work();  // the last band on this thread
            else workers.emplace_back(work);
        }
    }
    for (const std::exception_ptr& f : failures)
        if (f) std::rethrow_exception(f);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    putU32(ihdr, static_cast<uint32_t>(image.width));
    putU32(ihdr, static_cast<uint32_t>(image.height));
    ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, adaptive filters, no interlace
    putChunk(png, "IHDR", ihdr);
    // The zlib stream: its header (deflate, 32 KiB window, fastest), the pieces, the combined sum.
    std::string stream("\x78\x01", 2);
    uLong adler = adler32(0, nullptr, 0);
    for (const Piece& p : pieces) {
        stream += p.deflated;
        adler = adler32_combine(adler, p.adler, static_cast<z_off_t>(p.length));
    }
    putU32(stream, static_cast<uint32_t>(adler));
    // IDAT chunks of at most 1 MiB: readers of PNG cope with any size up to 2^31 - 1, some
    // streaming ones prefer them small.
    constexpr size_t kChunk = 1 << 20;
    for (size_t at = 0; at < stream.size(); at += kChunk)
        putChunk(png, "IDAT", std::string_view(stream).substr(at, kChunk));
    putChunk(png, "IEND", {});
    return png;
}

}  // namespace cmap::render
