# Generates the OpenGL 3.3 core loader and the EGL loader at configure time with Debian's
# python3-glad. Nothing generated is committed; --reproducible keeps the output byte-stable.
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)

function(cmap_glad output)
  if(NOT EXISTS ${GLAD_OUT}/src/${output})
    execute_process(
      COMMAND ${GLAD_EXECUTABLE} ${ARGN}
      RESULT_VARIABLE GLAD_RESULT OUTPUT_QUIET ERROR_VARIABLE GLAD_ERR)
    if(NOT GLAD_RESULT EQUAL 0)
      message(FATAL_ERROR "glad failed to generate ${output}: ${GLAD_ERR}")
    endif()
  endif()
endfunction()

cmap_glad(gl.c --api gl:core=3.3 --out-path ${GLAD_OUT} --reproducible --quiet c)
add_library(glad_gl STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(glad_gl SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(glad_gl PUBLIC ${CMAKE_DL_LIBS})

# EGL with the loader glad writes (--loader): libEGL.so.1 is opened when the first headless
# context is made, so a machine without it still runs every command that draws nothing, and the
# ones that draw say what is missing. Only what a surfaceless context on Mesa needs.
cmap_glad(egl.c --api egl=1.5
  --extensions EGL_EXT_platform_base,EGL_MESA_platform_surfaceless,EGL_KHR_create_context,EGL_KHR_surfaceless_context,EGL_KHR_no_config_context
  --out-path ${GLAD_OUT} --reproducible --quiet c --loader)
add_library(glad_egl STATIC ${GLAD_OUT}/src/egl.c)
target_include_directories(glad_egl SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(glad_egl PUBLIC ${CMAKE_DL_LIBS})
