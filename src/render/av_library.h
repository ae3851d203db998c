#pragma once
// The FFmpeg libraries (libavcodec, libavformat, libavutil, libswscale), opened when the first
// MP4 is written rather than linked: linked, their forty-odd dependencies cost every command
// about 30 ms of start-up (symbol relocations), and only MP4 export uses them.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <string>

namespace cmap::render {

// Each function the MP4 writer calls, once: CMAP_AV_FUNCTION(name) is expanded for each.
#define CMAP_AV_FUNCTIONS(F)                                                                                     \
    F(av_dict_free) F(av_dict_set) F(av_frame_alloc) F(av_frame_free) F(av_frame_get_buffer)                    \
    F(av_frame_make_writable) F(av_interleaved_write_frame) F(av_log_set_level) F(av_packet_alloc)              \
    F(av_packet_free) F(av_packet_rescale_ts) F(av_strerror) F(av_write_trailer) F(avcodec_alloc_context3)      \
    F(avcodec_find_encoder) F(avcodec_free_context) F(avcodec_open2) F(avcodec_parameters_from_context)         \
    F(avcodec_receive_packet) F(avcodec_send_frame) F(avformat_alloc_output_context2) F(avformat_free_context) \
    F(avformat_new_stream) F(avformat_write_header) F(avio_closep) F(avio_open) F(sws_freeContext)              \
    F(sws_getContext) F(sws_scale)

/// The FFmpeg functions, with the very signatures of the headers the program was built with.
struct AvLibrary {
#define CMAP_AV_POINTER(name) decltype(&::name) name = nullptr;
    CMAP_AV_FUNCTIONS(CMAP_AV_POINTER)
#undef CMAP_AV_POINTER
};

/// The libraries of the major versions the program was built against, opened once (later calls
/// return the same). Throws DataError(forFile, ...) naming the library or function that is
/// missing; a later call tries again.
const AvLibrary& avLibrary(const std::string& forFile);

}  // namespace cmap::render
