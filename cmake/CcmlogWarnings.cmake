# ccmlog_warnings(TARGET): our warning set, applied per target so that
# third-party code and consumers are not affected.
function(ccmlog_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wconversion -Wno-sign-conversion)
endfunction()
