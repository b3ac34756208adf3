# Provides the imported target re2::re2, preferring RE2's own CMake package and
# falling back to pkg-config, because Debian ships RE2 with re2.pc only.
# Used by our build and, installed next to ccmlogConfig.cmake, by consumers of
# a static libccmlog. Leaves re2::re2 undefined when RE2 is not found; the
# includer decides whether that is fatal.
if(TARGET re2::re2)
  return()
endif()
find_package(re2 CONFIG QUIET)
if(NOT TARGET re2::re2)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(RE2 QUIET IMPORTED_TARGET GLOBAL re2)
  endif()
  if(TARGET PkgConfig::RE2)
    add_library(re2::re2 ALIAS PkgConfig::RE2)
  endif()
endif()
