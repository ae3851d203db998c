# Generates the OpenGL 3.3 core loader at configure time with Debian's python3-glad.
# Nothing generated is committed; --reproducible keeps the output byte-stable.
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
if(NOT EXISTS ${GLAD_OUT}/src/gl.c)
  execute_process(
    COMMAND ${GLAD_EXECUTABLE} --api gl:core=3.3 --out-path ${GLAD_OUT} --reproducible --quiet c
    RESULT_VARIABLE GLAD_RESULT OUTPUT_QUIET ERROR_VARIABLE GLAD_ERR)
  if(NOT GLAD_RESULT EQUAL 0)
    message(FATAL_ERROR "glad failed to generate the GL loader: ${GLAD_ERR}")
  endif()
endif()
add_library(glad_gl STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(glad_gl SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(glad_gl PUBLIC ${CMAKE_DL_LIBS})
