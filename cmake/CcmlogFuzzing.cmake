# Included when CCMLOG_BUILD_FUZZERS is ON, before any target: compiles
# everything after it with libFuzzer's coverage and ASan + UBSan (UB aborts),
# so that the fuzz targets in fuzz/ see into the library. Clang only.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "CCMLOG_BUILD_FUZZERS needs clang (CC=clang CXX=clang++); this is ${CMAKE_CXX_COMPILER_ID}")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined)
