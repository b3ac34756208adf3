# Builds SOURCE as a project without CMake would, with
#   c++ -std=c++20 SOURCE $(pkg-config --cflags --libs ccmlog)
# against the installed PREFIX, then runs it on MACHINE (a log folder).
#   cmake -DPREFIX=p -DCXX=c++ [-DCXXFLAGS=...] -DSOURCE=f.cpp -DOUTPUT=exe -DMACHINE=dir -P pkgconfig_build.cmake
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
file(GLOB pc_dirs "${PREFIX}/lib*/pkgconfig" "${PREFIX}/lib/*/pkgconfig")
if(NOT pc_dirs)
  message(FATAL_ERROR "no pkgconfig directory under ${PREFIX}")
endif()
string(REPLACE ";" ":" pc_path "${pc_dirs}")
set(ENV{PKG_CONFIG_PATH} "${pc_path}")

function(pkg_config out)
  execute_process(COMMAND "${PKG_CONFIG}" ${ARGN} ccmlog RESULT_VARIABLE code
                  OUTPUT_VARIABLE text ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} ccmlog failed:\n${err}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

pkg_config(flags --cflags --libs)
pkg_config(libdir --variable=libdir)
pkg_config(version --modversion)
message(STATUS "ccmlog ${version}: ${flags}")
if(NOT libdir MATCHES "^${PREFIX}")
  message(FATAL_ERROR "ccmlog.pc names libdir '${libdir}', not one under ${PREFIX}")
endif()
separate_arguments(flags UNIX_COMMAND "${CXXFLAGS} ${flags}")
# The rpath only matters when libccmlog is shared (it is not in a system directory).
execute_process(COMMAND "${CXX}" -std=c++20 "${SOURCE}" -o "${OUTPUT}" ${flags} "-Wl,-rpath,${libdir}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config's flags failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${OUTPUT}" "${MACHINE}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT out MATCHES "service-context-source-access")
  message(FATAL_ERROR "pkgconfig_consumer ${MACHINE}: exit ${code}\n${out}\n${err}")
endif()
message(STATUS "${out}")
