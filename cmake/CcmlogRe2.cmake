# Debian ships RE2 with a pkg-config file only (no CMake package). Expose it
# as the imported target re2::re2, preferring a CMake package when one exists.
if(TARGET re2::re2)
  return()
endif()
find_package(re2 CONFIG QUIET)
if(NOT re2_FOUND)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()
