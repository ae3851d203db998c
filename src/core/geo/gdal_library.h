#pragma once
// GDAL, opened when the first vector file is read or written rather than linked: linked, libgdal
// and its hundred-odd dependencies cost every command about 30 ms of start-up (symbol
// relocations), and most commands (geoparse with a warm gazetteer cache, gazetteer lookup) never
// call it. Only GDAL's C API can be had by dlsym, so the core uses that one.
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>
#include <type_traits>

namespace cmap::geo {

// Each GDAL function the core calls, once: F(name) is expanded for each. GDAL's macros that call
// its functions (wkbFlatten) would need them linked: call the function from the table instead.
#define CMAP_GDAL_FUNCTIONS(F)                                                                                      \
    F(CPLErrorReset) F(CPLGetLastErrorMsg) F(CPLGetLastErrorType) F(CPLPopErrorHandler) F(CPLPushErrorHandler)     \
    F(CPLQuietErrorHandler) F(CPLSetConfigOption) F(GDALAllRegister) F(GDALClose) F(GDALCreate)                    \
    F(GDALDatasetCommitTransaction) F(GDALDatasetCreateLayer) F(GDALDatasetGetLayer) F(GDALDatasetGetLayerByName)  \
    F(GDALDatasetGetLayerCount) F(GDALDatasetStartTransaction) F(GDALGetDatasetDriver) F(GDALGetDriverByName)       \
    F(GDALGetDriverShortName) F(GDALOpenEx) F(OCTDestroyCoordinateTransformation) F(OCTNewCoordinateTransformation) \
    F(OGR_F_Create) F(OGR_F_Destroy) F(OGR_F_GetFID) F(OGR_F_GetFieldAsDateTimeEx) F(OGR_F_GetFieldAsInteger)      \
    F(OGR_F_GetFieldAsString) F(OGR_F_GetGeometryRef) F(OGR_F_IsFieldSetAndNotNull) F(OGR_F_SetFieldDouble)        \
    F(OGR_F_SetFieldInteger64) F(OGR_F_SetFieldNull) F(OGR_F_SetFieldString) F(OGR_F_SetGeometryDirectly)          \
    F(OGR_FD_GetFieldCount) F(OGR_FD_GetFieldDefn) F(OGR_FD_GetFieldIndex) F(OGR_Fld_Create) F(OGR_Fld_Destroy)    \
    F(OGR_Fld_GetNameRef) F(OGR_Fld_GetType) F(OGR_G_AddGeometryDirectly) F(OGR_G_AddPoint_2D)                     \
    F(OGR_G_CreateGeometry) F(OGR_G_DestroyGeometry) F(OGR_G_GetGeometryCount) F(OGR_G_GetGeometryRef)             \
    F(OGR_G_GetGeometryType) F(OGR_G_GetLinearGeometry) F(OGR_G_GetPointCount) F(OGR_G_GetPoints) F(OGR_G_GetX)    \
    F(OGR_G_GetY) F(OGR_G_IsEmpty) F(OGR_G_SetPoint_2D) F(OGR_G_Transform) F(OGR_GT_Flatten) F(OGR_L_CreateFeature) \
    F(OGR_L_CreateField) F(OGR_L_GetFeatureCount) F(OGR_L_GetGeomType) F(OGR_L_GetLayerDefn) F(OGR_L_GetName)      \
    F(OGR_L_GetNextFeature) F(OGR_L_GetSpatialRef) F(OGR_L_ResetReading) F(OSRDestroySpatialReference)            \
    F(OSRIsSame) F(OSRNewSpatialReference) F(OSRSetAxisMappingStrategy) F(OSRSetWellKnownGeogCS)                  \
    F(CPLCalloc) F(CPLError) F(CPLHTTPSetFetchCallback) F(CPLStrdup) F(GDALDeregisterDriver) F(GDALDestroyDriver)  \
    F(GDALGetDriver) F(GDALGetDriverCount) F(OSRSetPROJEnableNetwork) F(VSIAllocFilesystemPluginCallbacksStruct)  \
    F(VSIFreeFilesystemPluginCallbacksStruct) F(VSIGetMemFileBuffer) F(VSIInstallPluginHandler) F(VSIRmdirRecursive)

/// The GDAL functions, with the very signatures of the headers the program was built with.
struct GdalLibrary {
#define CMAP_GDAL_POINTER(name) decltype(&::name) name = nullptr;
    CMAP_GDAL_FUNCTIONS(CMAP_GDAL_POINTER)
#undef CMAP_GDAL_POINTER
};

/// The GDAL of the soname the program was built against, opened once with its drivers registered
/// (later calls return the same; safe from any thread). Throws DataError(forFile, ...) naming the
/// library or function that is missing; a later call tries again.
///
/// Offline by construction: only the drivers of kVectorDrivers stay registered, GDAL's network
/// file systems (/vsicurl/, /vsis3/, ...) are replaced by ones that open nothing, every
/// CPLHTTPFetch (WFS, a GeoJSON crs link, a URL given as a file) fails without a request, and
/// PROJ may not fetch grids. A file that refers to a remote source then fails to open, or opens
/// without it, and refusedRemoteSource() says what it asked for.
const GdalLibrary& gdalLibrary(const std::string& forFile);

/// The GDAL drivers left registered: the file formats the README documents.
inline constexpr const char* kVectorDrivers[] = {"ESRI Shapefile", "GPKG", "GeoJSON", "KML", "LIBKML", "CSV",
                                                 "OpenFileGDB"};

/// The first remote source (URL or network path) this thread asked GDAL for since the previous
/// call, or empty; clears it. Throws nothing.
std::string refusedRemoteSource();

/// Whether a name given as an input file is a URL, a GDAL virtual file system path or a
/// driver's connection string ("WFS:http://...", "/vsicurl/...", "https://..."): such a name
/// must be refused, never handed to GDAL. Throws nothing.
bool isRemoteOrVirtualName(const std::string& name);

/// A GDAL object that its destroy function frees when the owner goes, on a throw too.
template <class Handle, class Destroy>
using GdalOwned = std::unique_ptr<std::remove_pointer_t<Handle>, Destroy>;
using GdalDataset = GdalOwned<GDALDatasetH, decltype(&::GDALClose)>;
using GdalFeature = GdalOwned<OGRFeatureH, decltype(&::OGR_F_Destroy)>;
using GdalFieldDefn = GdalOwned<OGRFieldDefnH, decltype(&::OGR_Fld_Destroy)>;
using GdalGeometry = GdalOwned<OGRGeometryH, decltype(&::OGR_G_DestroyGeometry)>;
using GdalSrs = GdalOwned<OGRSpatialReferenceH, decltype(&::OSRDestroySpatialReference)>;
using GdalTransformation = GdalOwned<OGRCoordinateTransformationH, decltype(&::OCTDestroyCoordinateTransformation)>;

}  // namespace cmap::geo
