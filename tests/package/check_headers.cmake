# The installed headers are the public API: at most ten, plus the generated
# export.h and version.h; none may need RE2, Boost or Qt (consumers get none of
# them) or a header that is not installed (the internal ones stay in the tree).
#   cmake -DPREFIX=prefix -P check_headers.cmake
file(GLOB_RECURSE headers "${PREFIX}/include/ccmlog/*")
list(LENGTH headers count)
set(written ${headers})
list(FILTER written EXCLUDE REGEX "/(export|version)\\.h$")
list(LENGTH written public)
math(EXPR generated "${count} - ${public}")
if(public GREATER 10 OR public LESS 5 OR NOT generated EQUAL 2)
  message(FATAL_ERROR "${public} public headers and ${count} in all installed under "
                      "${PREFIX}/include/ccmlog; the API has at most ten, plus export.h and version.h")
endif()
foreach(header IN LISTS headers)
  file(STRINGS "${header}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "[<\"](re2/|boost/|Q[A-Za-z]*[>/\"]|qt)")
      message(FATAL_ERROR "${header} includes a dependency: ${line}")
    endif()
    if(line MATCHES "\"([^\"]*)\"" AND NOT EXISTS "${PREFIX}/include/${CMAKE_MATCH_1}")
      message(FATAL_ERROR "${header} includes a header that is not installed: ${line}")
    endif()
  endforeach()
endforeach()
message(STATUS "${public} public headers plus export.h and version.h, none includes RE2, Boost or Qt")
