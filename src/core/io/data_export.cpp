#include "core/io/data_export.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <cctype>
#include <memory>
#include <string_view>
#include <system_error>
#include <variant>

#include "core/error.h"
#include "core/geo/gdal_library.h"
#include "core/geo/gdal_setup.h"
#include "core/geo/projection.h"
#include "core/io/partial_file.h"
#include "core/text/decode.h"

namespace cmap::io {
namespace {

namespace fs = std::filesystem;

// Layers are built as plain rows first, then written the same way whatever the format: one
// layer each, or (GeoJSON) one layer with the union of the fields and a `layer` column.
struct Field {
    const char* name;
    OGRFieldType type;
};

using Value = std::variant<std::monostate, std::string, int64_t, double>;

// A row's geometry as plain points: GDAL makes it only when the row is written.
struct Shape {
    OGRwkbGeometryType type = wkbNone;  ///< wkbNone: the row has no geometry
    std::vector<geo::LonLat> points;    ///< a polygon's one ring, open: the writer closes it
};

struct Row {
    Shape shape;
    std::vector<Value> values;  ///< one per field of its layer
};

struct LayerData {
    const char* name;
    OGRwkbGeometryType geometry;
    std::vector<Field> fields;
    std::vector<Row> rows;
};

// Events and mentions start with where they came from, under the same names; `name` is the place
// (as in geoparse --json), which Google Earth titles a placemark with.
const std::vector<Field> kSourceFields = {
    {"file", OFTString}, {"title", OFTString}, {"source", OFTString}, {"published", OFTString}, {"name", OFTString}};

std::vector<Field> withSource(std::vector<Field> rest) {
    std::vector<Field> all = kSourceFields;
    all.insert(all.end(), rest.begin(), rest.end());
    return all;
}

Value text(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }
Value text(const std::string& s) { return s.empty() ? Value() : Value(s); }
Value iso(const std::optional<model::Date>& d) { return d ? Value(d->iso()) : Value(); }
Value iso(const std::optional<model::DateRange>& d) { return d ? Value(d->iso()) : Value(); }
Value precision(const std::optional<model::DateRange>& d) {
    return d ? Value(std::string(model::precisionName(d->precision))) : Value();
}

// The interval a date covers, as QGIS's temporal controller and Google Earth's time slider read
// it ("begin" and "end" are the KML TimeSpan fields): "2015-09" is all of September.
Value firstDay(const std::optional<model::DateRange>& d) { return d ? Value(d->firstIso()) : Value(); }
Value lastDay(const std::optional<model::DateRange>& d) { return d ? Value(d->lastIso()) : Value(); }
std::optional<model::DateRange> range(const std::optional<model::Date>& d) {
    return d ? std::optional(model::DateRange::of(*d)) : std::nullopt;
}

std::vector<Value> sourceValues(const model::Document& doc, Value place) {
    return {Value(doc.file), text(doc.meta.title), text(doc.meta.source), iso(doc.meta.published), std::move(place)};
}

Shape point(geo::LonLat p) { return {wkbPoint, {p}}; }

// "Damascus" in the title's words, so Google Earth's balloon says what the marker is and whence.
std::string mentionDescription(const model::Document& doc, const model::Mention& m) {
    std::string d = "\"" + m.text + "\" in " + doc.meta.title.value_or(doc.file);
    std::string from = doc.meta.source.value_or("");
    if (doc.meta.published) from += (from.empty() ? "" : ", ") + doc.meta.published->iso();
    return from.empty() ? d : d + " (" + from + ")";
}

LayerData mentionLayer(const std::vector<ExportedDocument>& documents) {
    LayerData layer{"mentions", wkbPoint,
                    withSource({{"kind", OFTString},
                                {"country", OFTString},
                                {"geonameid", OFTInteger64},
                                {"text", OFTString},
                                {"text_start", OFTInteger},
                                {"text_end", OFTInteger},
                                {"sentence_start", OFTInteger},
                                {"sentence_end", OFTInteger},
                                {"date", OFTString},
                                {"date_precision", OFTString},
                                {"begin", OFTDate},
                                {"end", OFTDate},
                                {"category", OFTString},
                                {"confidence", OFTReal},
                                {"description", OFTString}}),
                    {}};
    for (const ExportedDocument& e : documents) {
        const model::Document& doc = *e.document;
        for (const model::Mention& m : doc.mentions) {
            Row row{point(m.place.point), sourceValues(doc, Value(m.place.name))};
            const model::Event* event = m.event < doc.events.size() ? &doc.events[m.event] : nullptr;
            std::vector<Value> rest = {
                Value(std::string(geo::kindName(m.place.kind))),
                text(m.place.country),
                m.place.geonameid > 0 ? Value(m.place.geonameid) : Value(),
                Value(m.text),
                Value(int64_t{m.range.start}),
                Value(int64_t{m.range.end}),
                Value(int64_t{m.sentence.start}),
                Value(int64_t{m.sentence.end}),
                iso(m.date),
                precision(m.date),
                firstDay(m.date),
                lastDay(m.date),
                event ? Value(std::string(model::categoryName(event->category))) : Value(),
                Value(m.confidence),
                Value(mentionDescription(doc, m))};
            row.values.insert(row.values.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
            layer.rows.push_back(std::move(row));
        }
    }
    return layer;
}

LayerData eventLayer(const std::vector<ExportedDocument>& documents) {
    LayerData layer{"events", wkbMultiPoint,
                    withSource({{"date", OFTString},
                                {"date_precision", OFTString},
                                {"begin", OFTDate},
                                {"end", OFTDate},
                                {"category", OFTString},
                                {"sentence_start", OFTInteger},
                                {"sentence_end", OFTInteger},
                                {"mentions", OFTInteger},
                                {"description", OFTString}}),
                    {}};
    for (const ExportedDocument& e : documents) {
        const model::Document& doc = *e.document;
        for (size_t i = 0; i < doc.events.size(); ++i) {
            const model::Event& ev = doc.events[i];
            Shape places{wkbMultiPoint, {}};
            std::string names;
            for (uint32_t mi : ev.mentions) {
                if (mi >= doc.mentions.size()) continue;
                const model::Mention& m = doc.mentions[mi];
                places.points.push_back(m.place.point);
                if (names.find(m.place.name) == std::string::npos) names += (names.empty() ? "" : ", ") + m.place.name;
            }
            std::string category(model::categoryName(ev.category));
            std::string summary = e.summaries && i < e.summaries->size() ? (*e.summaries)[i] : "";
            if (summary.empty()) summary = category + (ev.date ? " on " + ev.date->label() : "") + " in " + names;
            if (places.points.empty()) places.type = wkbNone;
            Row row{std::move(places), sourceValues(doc, text(names))};
            std::vector<Value> rest = {iso(ev.date),
                                       precision(ev.date),
                                       firstDay(ev.date),
                                       lastDay(ev.date),
                                       Value(category),
                                       Value(int64_t{ev.sentence.start}),
                                       Value(int64_t{ev.sentence.end}),
                                       Value(static_cast<int64_t>(ev.mentions.size())),
                                       Value(summary)};
            row.values.insert(row.values.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
            layer.rows.push_back(std::move(row));
        }
    }
    return layer;
}

std::string hexColor(uint32_t rgba) {
    char buf[10];
    std::snprintf(buf, sizeof buf, "#%08x", rgba);
    return buf;
}

Shape annotationShape(const model::Annotation& a) {
    if (a.points.empty()) return {};
    switch (a.kind) {
    case model::AnnotationKind::Text: return point(a.points.front());
    // A callout is its leader line, from the text to the place it points at; arrows their path.
    case model::AnnotationKind::Callout:
    case model::AnnotationKind::Arrow:
    case model::AnnotationKind::CurvedArrow: return {wkbLineString, a.points};
    // A ring is the geodesic circle the map draws, one vertex every 2 degrees of azimuth.
    case model::AnnotationKind::RangeRing: return {wkbPolygon, geo::geodesicCircle(a.points.front(), a.radiusKm, 180)};
    case model::AnnotationKind::Polygon:
    case model::AnnotationKind::Freehand: return {wkbPolygon, a.points};
    }
    return {};
}

LayerData annotationLayer(const std::vector<model::Annotation>& annotations) {
    LayerData layer{"annotations", wkbUnknown,
                    {{"id", OFTString},
                     {"name", OFTString},
                     {"kind", OFTString},
                     {"radius_km", OFTReal},
                     {"date", OFTString},
                     {"begin", OFTDate},
                     {"end", OFTDate},
                     {"color", OFTString},
                     {"fill", OFTString}},
                    {}};
    for (const model::Annotation& a : annotations) {
        // An annotation shown only within dates: `date` says so as the user wrote it.
        std::string span = a.from || a.to ? (a.from ? a.from->iso() : "") + "/" + (a.to ? a.to->iso() : "") : "";
        layer.rows.push_back({annotationShape(a),
                              {Value(a.id), text(a.text), Value(std::string(model::annotationKindName(a.kind))),
                               a.kind == model::AnnotationKind::RangeRing ? Value(a.radiusKm) : Value(), text(span),
                               firstDay(range(a.from)), lastDay(range(a.to)), Value(hexColor(a.style.rgba)),
                               model::isArea(a.kind) ? Value(hexColor(a.style.fillRgba)) : Value()}});
    }
    return layer;
}

// A GDAL dataset written in memory (/vsimem/) and closed (flushed) exactly once, then written out
// by PartialFile: GDAL's GeoJSON and KML drivers do not check their own writes, so a full disk
// would leave a truncated file in place of the old one; every write to disk is ours and checked.
class TempOutput {
public:
    TempOutput(const geo::GdalLibrary& gdal, fs::path out)
        : gdal_(gdal), ds_(nullptr, gdal.GDALClose), out_(std::move(out)), folder_(memoryFolder()),
          tmp_(folder_ + "/out" + out_.extension().string()) {}
    ~TempOutput() {
        ds_.reset();  // before the file goes
        gdal_.VSIRmdirRecursive(folder_.c_str());
    }
    TempOutput(const TempOutput&) = delete;
    TempOutput& operator=(const TempOutput&) = delete;

    geo::GdalDataset& dataset() { return ds_; }
    const std::string& tmp() const { return tmp_; }
    /// Closes the dataset (GDAL writes KML and GeoJSON out on close) and writes it into place.
    void commit(geo::QuietGdalErrors& errors) {
        ds_.reset();
        if (std::string why = errors.failure(); !why.empty()) throw DataError(out_.string(), "cannot write: " + why);
        vsi_l_offset size = 0;
        GByte* bytes = gdal_.VSIGetMemFileBuffer(tmp_.c_str(), &size, FALSE);
        if (!bytes) throw DataError(out_.string(), "cannot write: GDAL wrote nothing");
        writeFileAtomically(out_, std::string_view(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size)));
    }

private:
    static std::string memoryFolder() {
        static std::atomic<unsigned> next{0};
        return "/vsimem/conflictmap-export-" + std::to_string(next++);
    }
    const geo::GdalLibrary& gdal_;
    geo::GdalDataset ds_;
    fs::path out_;
    std::string folder_, tmp_;
};

void setValue(const geo::GdalLibrary& gdal, OGRFeatureH f, int index, const Value& v) {
    // A file name that is not UTF-8 would make invalid GeoJSON (GDAL writes the bytes as they are).
    if (const auto* s = std::get_if<std::string>(&v))
        gdal.OGR_F_SetFieldString(f, index, text::isValidUtf8(*s) ? s->c_str() : text::toUtf8(*s).c_str());
    else if (const auto* i = std::get_if<int64_t>(&v)) gdal.OGR_F_SetFieldInteger64(f, index, static_cast<GIntBig>(*i));
    else if (const auto* d = std::get_if<double>(&v)) gdal.OGR_F_SetFieldDouble(f, index, *d);
    else gdal.OGR_F_SetFieldNull(f, index);
}

// Null for a row without geometry.
geo::GdalGeometry geometryOf(const geo::GdalLibrary& gdal, const Shape& shape) {
    auto make = [&](OGRwkbGeometryType type) {
        return geo::GdalGeometry(type == wkbNone ? nullptr : gdal.OGR_G_CreateGeometry(type), gdal.OGR_G_DestroyGeometry);
    };
    // A container owns a part once it has taken it, not before.
    auto add = [&](const geo::GdalGeometry& container, geo::GdalGeometry part) {
        if (gdal.OGR_G_AddGeometryDirectly(container.get(), part.get()) == OGRERR_NONE) (void)part.release();
    };
    auto addPoints = [&](const geo::GdalGeometry& line, const std::vector<geo::LonLat>& points) {
        for (geo::LonLat p : points) gdal.OGR_G_AddPoint_2D(line.get(), p.lon, p.lat);
    };
    geo::GdalGeometry g = make(shape.type);
    switch (shape.type) {
    case wkbPoint: gdal.OGR_G_SetPoint_2D(g.get(), 0, shape.points.front().lon, shape.points.front().lat); break;
    case wkbMultiPoint:
        for (geo::LonLat p : shape.points) {
            geo::GdalGeometry member = make(wkbPoint);
            gdal.OGR_G_SetPoint_2D(member.get(), 0, p.lon, p.lat);
            add(g, std::move(member));
        }
        break;
    case wkbLineString: addPoints(g, shape.points); break;
    case wkbPolygon: {
        geo::GdalGeometry ring = make(wkbLinearRing);
        addPoints(ring, shape.points);
        gdal.OGR_G_AddPoint_2D(ring.get(), shape.points.front().lon, shape.points.front().lat);  // closed
        add(g, std::move(ring));
        break;
    }
    default: break;
    }
    return g;
}

// Writes layers into ds; with `merged` as one layer of that name holding every field once.
void writeLayers(const geo::GdalLibrary& gdal, GDALDatasetH ds, const std::vector<LayerData>& layers, const char* merged,
                 const std::string& outName) {
    const geo::GdalSrs wgs84 = geo::lonLatWgs84(gdal);
    auto fail = [&](const std::string& what) {
        throw DataError(outName, "cannot write " + what + ": " + gdal.CPLGetLastErrorMsg());
    };

    auto createLayer = [&](const char* name, OGRwkbGeometryType type, const std::vector<Field>& fields) {
        OGRLayerH l = gdal.GDALDatasetCreateLayer(ds, name, wgs84.get(), type, nullptr);
        if (!l) fail(std::string("layer ") + name);
        for (const Field& f : fields) {
            geo::GdalFieldDefn def(gdal.OGR_Fld_Create(f.name, f.type), gdal.OGR_Fld_Destroy);
            if (gdal.OGR_L_CreateField(l, def.get(), TRUE) != OGRERR_NONE) fail(std::string("field ") + f.name);
        }
        return l;
    };
    auto writeRows = [&](OGRLayerH l, const LayerData& data, const std::vector<int>& fieldIndex, int layerField) {
        for (const Row& row : data.rows) {
            geo::GdalFeature f(gdal.OGR_F_Create(gdal.OGR_L_GetLayerDefn(l)), gdal.OGR_F_Destroy);
            if (layerField >= 0) gdal.OGR_F_SetFieldString(f.get(), layerField, data.name);
            for (size_t i = 0; i < row.values.size(); ++i) setValue(gdal, f.get(), fieldIndex[i], row.values[i]);
            // The feature owns the geometry from here, whatever the call returns.
            if (geo::GdalGeometry g = geometryOf(gdal, row.shape)) gdal.OGR_F_SetGeometryDirectly(f.get(), g.release());
            if (gdal.OGR_L_CreateFeature(l, f.get()) != OGRERR_NONE) fail(std::string("a feature of ") + data.name);
        }
    };

    if (!merged) {
        for (const LayerData& data : layers) {
            OGRLayerH l = createLayer(data.name, data.geometry, data.fields);
            std::vector<int> index(data.fields.size());
            for (size_t i = 0; i < index.size(); ++i) index[i] = static_cast<int>(i);
            writeRows(l, data, index, -1);
        }
        return;
    }
    std::vector<Field> all = {{"layer", OFTString}};
    for (const LayerData& data : layers)
        for (const Field& f : data.fields)
            if (std::none_of(all.begin(), all.end(), [&](const Field& a) { return std::string_view(a.name) == f.name; }))
                all.push_back(f);
    OGRLayerH l = createLayer(merged, wkbUnknown, all);
    for (const LayerData& data : layers) {
        std::vector<int> index;
        for (const Field& f : data.fields) index.push_back(gdal.OGR_FD_GetFieldIndex(gdal.OGR_L_GetLayerDefn(l), f.name));
        writeRows(l, data, index, 0);
    }
}

// --- KML, written here: GDAL's LIBKML driver takes time quadratic in the placemarks (2,000
// mentions 9 s, 4,000 55 s, in its close). The same document as it wrote: a Schema per layer, a
// Document per layer, each row a Placemark titled by `name`, with `description`, a TimeSpan
// from `begin` and `end` (Google Earth's time slider), the rest as SchemaData.

// Text as XML character data: escaped, only the characters XML allows, valid UTF-8.
void xmlText(std::string& out, std::string_view raw) {
    const std::string utf8 = text::isValidUtf8(raw) ? std::string(raw) : text::toUtf8(raw);
    for (char c : utf8) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
}

void xmlNumber(std::string& out, double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, ec == std::errc() ? end : buf);
}

std::string valueText(const Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    std::string d;
    if (const auto* f = std::get_if<double>(&v)) xmlNumber(d, *f);
    return d;
}

void kmlCoordinates(std::string& out, const std::vector<geo::LonLat>& points, bool close) {
    out += "<coordinates>";
    for (size_t i = 0; i < points.size() + (close && !points.empty() ? 1 : 0); ++i) {
        const geo::LonLat& p = points[i % points.size()];
        if (i) out += ' ';
        xmlNumber(out, p.lon);
        out += ',';
        xmlNumber(out, p.lat);
    }
    out += "</coordinates>";
}

void kmlGeometry(std::string& out, const Shape& shape) {
    if (shape.points.empty()) return;
    switch (shape.type) {
    case wkbPoint: out += "<Point>", kmlCoordinates(out, {shape.points.front()}, false), out += "</Point>"; break;
    case wkbMultiPoint:
        out += "<MultiGeometry>";
        for (geo::LonLat p : shape.points) out += "<Point>", kmlCoordinates(out, {p}, false), out += "</Point>";
        out += "</MultiGeometry>";
        break;
    case wkbLineString: out += "<LineString>", kmlCoordinates(out, shape.points, false), out += "</LineString>"; break;
    case wkbPolygon:
        out += "<Polygon><outerBoundaryIs><LinearRing>";
        kmlCoordinates(out, shape.points, true);
        out += "</LinearRing></outerBoundaryIs></Polygon>";
        break;
    default: break;
    }
}

bool kmlElementField(std::string_view name) {
    return name == "name" || name == "description" || name == "begin" || name == "end";
}

std::string kmlDocument(const std::vector<LayerData>& layers) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                      "<Document id=\"root_doc\">\n";
    for (const LayerData& layer : layers) {
        out += "<Schema id=\"" + std::string(layer.name) + ".schema\">\n";
        for (const Field& f : layer.fields) {
            if (kmlElementField(f.name)) continue;
            const char* type = f.type == OFTInteger ? "int" : f.type == OFTReal ? "float" : "string";
            out += "  <SimpleField name=\"" + std::string(f.name) + "\" type=\"" + type + "\"/>\n";
        }
        out += "</Schema>\n";
    }
    for (const LayerData& layer : layers) {
        const std::string name = layer.name;
        out += "<Document id=\"" + name + "\">\n<name>" + name + "</name>\n";
        for (size_t r = 0; r < layer.rows.size(); ++r) {
            const Row& row = layer.rows[r];
            auto value = [&](std::string_view field) -> const Value* {
                for (size_t i = 0; i < layer.fields.size(); ++i)
                    if (field == layer.fields[i].name && !std::holds_alternative<std::monostate>(row.values[i]))
                        return &row.values[i];
                return nullptr;
            };
            out += "<Placemark id=\"" + name + "." + std::to_string(r + 1) + "\">";
            for (const char* element : {"name", "description"})
                if (const Value* v = value(element))
                    out += std::string("<") + element + ">", xmlText(out, valueText(*v)), out += std::string("</") + element + ">";
            const Value *begin = value("begin"), *end = value("end");
            if (begin || end) {
                out += "<TimeSpan>";
                if (begin) out += "<begin>", xmlText(out, valueText(*begin)), out += "</begin>";
                if (end) out += "<end>", xmlText(out, valueText(*end)), out += "</end>";
                out += "</TimeSpan>";
            }
            out += "<ExtendedData><SchemaData schemaUrl=\"#" + name + ".schema\">";
            for (size_t i = 0; i < layer.fields.size(); ++i) {
                if (kmlElementField(layer.fields[i].name) || std::holds_alternative<std::monostate>(row.values[i])) continue;
                out += "<SimpleData name=\"" + std::string(layer.fields[i].name) + "\">";
                xmlText(out, valueText(row.values[i]));
                out += "</SimpleData>";
            }
            out += "</SchemaData></ExtendedData>";
            kmlGeometry(out, row.shape);
            out += "</Placemark>\n";
        }
        out += "</Document>\n";
    }
    out += "</Document>\n</kml>\n";
    return out;
}

}  // namespace

std::optional<DataFormat> dataFormatFor(const fs::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Not .json: the name of workspaces and sidecars, which a GeoJSON must never replace.
    if (ext == ".geojson") return DataFormat::GeoJson;
    if (ext == ".kml") return DataFormat::Kml;
    if (ext == ".gpkg") return DataFormat::GeoPackage;
    return std::nullopt;
}

DataExportCounts exportData(const std::vector<ExportedDocument>& documents,
                            const std::vector<model::Annotation>& annotations, const fs::path& out) {
    std::optional<DataFormat> format = dataFormatFor(out);
    if (!format) throw InputError(out.string() + ": unknown format; the name must end in .geojson, .kml or .gpkg");
    std::vector<LayerData> layers;
    layers.push_back(eventLayer(documents));
    layers.push_back(mentionLayer(documents));
    layers.push_back(annotationLayer(annotations));
    if (*format == DataFormat::Kml) {
        writeFileAtomically(out, kmlDocument(layers));
        return {layers[0].rows.size(), layers[1].rows.size(), layers[2].rows.size()};
    }

    const geo::GdalLibrary& gdal = geo::gdalLibrary(out.string());
    geo::QuietGdalErrors errors(gdal);
    const char* driverName = *format == DataFormat::GeoJson ? "GeoJSON" : "GPKG";
    GDALDriverH driver = gdal.GDALGetDriverByName(driverName);
    if (!driver) throw DataError(out.string(), std::string("cannot write: GDAL has no ") + driverName + " driver");

    TempOutput output(gdal, out);
    output.dataset().reset(gdal.GDALCreate(driver, output.tmp().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!output.dataset()) {
        std::string why = errors.failure();
        throw DataError(out.string(), "cannot write: " + (why.empty() ? std::string("GDAL cannot create it") : why));
    }
    GDALDatasetH ds = output.dataset().get();
    // GeoPackage: one commit, not one per row.
    const bool transaction = gdal.GDALDatasetStartTransaction(ds, FALSE) == OGRERR_NONE;
    writeLayers(gdal, ds, layers, *format == DataFormat::GeoJson ? "conflictmap" : nullptr, out.string());
    if (transaction && gdal.GDALDatasetCommitTransaction(ds) != OGRERR_NONE)
        throw DataError(out.string(), "cannot write: commit failed");
    output.commit(errors);
    return {layers[0].rows.size(), layers[1].rows.size(), layers[2].rows.size()};
}

}  // namespace cmap::io
