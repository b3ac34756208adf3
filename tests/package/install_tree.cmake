# Installs the build BUILD_DIR into a fresh PREFIX, as `cmake --install` does.
#   cmake -DBUILD_DIR=build -DPREFIX=build/tests/package/prefix [-DCONFIG=Release] -P install_tree.cmake
file(REMOVE_RECURSE "${PREFIX}")
set(config)
if(CONFIG)
  set(config --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${code}):\n${out}\n${err}")
endif()
message(STATUS "installed into ${PREFIX}")
