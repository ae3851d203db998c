#include "render/mp4_writer.h"

#include <cstring>
#include <string>
#include <system_error>

#include "core/error.h"
#include "core/io/partial_file.h"
#include "render/av_library.h"

namespace cmap::render {
namespace {

std::string avError(const AvLibrary& av, int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av.av_strerror(code, buf, sizeof buf);
    return buf;
}

class Mp4Writer final : public AnimationWriter {
public:
    Mp4Writer(std::filesystem::path path, int width, int height)
        : path_(std::move(path)), partial_(path_), av_(avLibrary(path_.string())), width_(width), height_(height) {}

    // Apart from the constructor so that a failure half way is cleaned up by the destructor.
    void open(int fps) {
        const int width = width_, height = height_;
        const std::string name = path_.string();
        // H.264 plays everywhere (browsers, slides, phones); Debian's libavcodec has it through
        // libx264. Without it, MPEG-4 part 2 is the encoder every libavcodec has.
        // Failures become one DataError line; the encoders' own chatter would break that contract.
        av_.av_log_set_level(AV_LOG_QUIET);
        const AVCodec* codec = av_.avcodec_find_encoder(AV_CODEC_ID_H264);
        if (!codec) codec = av_.avcodec_find_encoder(AV_CODEC_ID_MPEG4);
        if (!codec) throw DataError(name, "cannot write: libavcodec has neither an H.264 nor an MPEG-4 encoder");
        description_ = std::string(codec->long_name ? codec->long_name : codec->name) + " (" + codec->name + ")";

        check(av_.avformat_alloc_output_context2(&format_, nullptr, "mp4", partial_.path().c_str()), "no MP4 muxer");
        stream_ = av_.avformat_new_stream(format_, nullptr);
        codec_ = av_.avcodec_alloc_context3(codec);
        if (!stream_ || !codec_) throw DataError(name, "cannot write: out of memory");
        codec_->width = width;
        codec_->height = height;
        codec_->time_base = AVRational{1, fps};
        codec_->framerate = AVRational{fps, 1};
        codec_->pix_fmt = AV_PIX_FMT_YUV420P;
        codec_->gop_size = 2 * fps;  // a key frame every two seconds: seeking in a player stays quick
        if (format_->oformat->flags & AVFMT_GLOBALHEADER) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary* options = nullptr;
        if (codec->id == AV_CODEC_ID_H264) {
            // Maps are flat colours and thin lines: a constant quality keeps borders and text crisp
            // where a bit rate would smear them in the frames that change most.
            av_.av_dict_set(&options, "crf", "20", 0);
            av_.av_dict_set(&options, "preset", "fast", 0);
        } else {
            codec_->flags |= AV_CODEC_FLAG_QSCALE;
            codec_->global_quality = FF_QP2LAMBDA * 3;
        }
        int opened = av_.avcodec_open2(codec_, codec, &options);
        av_.av_dict_free(&options);
        check(opened, "cannot open the encoder");
        check(av_.avcodec_parameters_from_context(stream_->codecpar, codec_), "encoder parameters");
        stream_->time_base = codec_->time_base;

        // The file this process created, opened again through its descriptor: whatever the name in
        // the folder has become since, libavformat writes into that file and no other.
        const std::string self = "/proc/self/fd/" + std::to_string(partial_.fd());
        check(av_.avio_open(&format_->pb, self.c_str(), AVIO_FLAG_WRITE), "cannot create the file");
        check(av_.avformat_write_header(format_, nullptr), "cannot write the header");

        frame_ = av_.av_frame_alloc();
        packet_ = av_.av_packet_alloc();
        if (!frame_ || !packet_) throw DataError(name, "cannot write: out of memory");
        frame_->format = AV_PIX_FMT_YUV420P;
        frame_->width = width;
        frame_->height = height;
        check(av_.av_frame_get_buffer(frame_, 0), "frame buffer");
        scaler_ = av_.sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
                                 nullptr, nullptr, nullptr);
        if (!scaler_) throw DataError(name, "cannot write: no RGBA to yuv420p conversion");
    }

    ~Mp4Writer() override {
        av_.sws_freeContext(scaler_);
        av_.av_packet_free(&packet_);
        av_.av_frame_free(&frame_);
        av_.avcodec_free_context(&codec_);
        if (format_) {
            if (format_->pb) av_.avio_closep(&format_->pb);
            av_.avformat_free_context(format_);
        }
    }

    void addFrame(const Image& image) override {
        if (image.width != width_ || image.height != height_)
            throw InputError(path_.string() + ": a frame of " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " in a " + std::to_string(width_) + "x" +
                             std::to_string(height_) + " video");
        check(av_.av_frame_make_writable(frame_), "frame buffer");
        const uint8_t* src[1] = {image.rgba.data()};
        const int stride[1] = {4 * width_};
        av_.sws_scale(scaler_, src, stride, 0, height_, frame_->data, frame_->linesize);
        frame_->pts = frames_++;
        check(av_.avcodec_send_frame(codec_, frame_), "cannot encode a frame");
        drain();
    }

    void finish() override {
        check(av_.avcodec_send_frame(codec_, nullptr), "cannot flush the encoder");
        drain();
        check(av_.av_write_trailer(format_), "cannot finish the file");
        check(av_.avio_closep(&format_->pb), "cannot close the file");
        partial_.commit();
    }

    int frames() const override { return static_cast<int>(frames_); }
    std::string description() const override { return "MP4, " + description_; }

private:
    void check(int code, const char* what) const {
        if (code < 0) throw DataError(path_.string(), std::string("cannot write: ") + what + ": " + avError(av_, code));
    }

    // Hands every packet the encoder has ready to the muxer.
    void drain() {
        for (;;) {
            int got = av_.avcodec_receive_packet(codec_, packet_);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
            check(got, "cannot encode a frame");
            // Every frame lasts one tick: without it the muxer gives the last frame no time and its
            // edit list leaves it out.
            if (packet_->duration == 0) packet_->duration = 1;
            av_.av_packet_rescale_ts(packet_, codec_->time_base, stream_->time_base);
            packet_->stream_index = stream_->index;
            int wrote = av_.av_interleaved_write_frame(format_, packet_);  // takes the packet's data
            check(wrote, "cannot write a frame");
        }
    }

    std::filesystem::path path_;
    io::PartialFile partial_;
    const AvLibrary& av_;
    int width_, height_;
    std::string description_;
    AVFormatContext* format_ = nullptr;
    AVStream* stream_ = nullptr;
    AVCodecContext* codec_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    SwsContext* scaler_ = nullptr;
    int64_t frames_ = 0;
};

}  // namespace

std::unique_ptr<AnimationWriter> openMp4(const std::filesystem::path& path, int width, int height, int fps) {
    auto writer = std::make_unique<Mp4Writer>(path, width, height);
    writer->open(fps);
    return writer;
}

}  // namespace cmap::render
