# Runs one ccmlog command and checks what it did.
#   -DCOMMAND="ccmlog|records|file.log"  the command, words joined by '|' 
#   -DEXPECT_EXIT=N                      the exit code it must return
#   -DGOLDEN=path                        (optional) stdout must equal this file;
#                                        with env CCMLOG_UPDATE_GOLDEN=1 it is rewritten
#   -DEXPECT_STDERR=text                 (optional) stderr must contain this text
#   -DEXPECT_STDOUT=text                 (optional) stdout must contain this text
#   -DWORKING_DIRECTORY=dir              (optional) where to run it
if(NOT WORKING_DIRECTORY)
  set(WORKING_DIRECTORY ".")
endif()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND}
                WORKING_DIRECTORY ${WORKING_DIRECTORY}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT "${code}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not contain '${EXPECT_STDERR}':\n${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not contain '${EXPECT_STDOUT}':\n${out}")
endif()
if(GOLDEN)
  if("$ENV{CCMLOG_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE "${GOLDEN}" "${out}")
  endif()
  file(READ "${GOLDEN}" expected)
  if(NOT out STREQUAL expected)
    file(WRITE "${GOLDEN}.actual" "${out}")
    message(FATAL_ERROR "stdout differs from ${GOLDEN}; see ${GOLDEN}.actual "
                        "(diff them; CCMLOG_UPDATE_GOLDEN=1 ctest rewrites goldens)")
  endif()
endif()
