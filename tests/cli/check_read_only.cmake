# Runs ccmlog commands over a copy of a log and checks that the copy's bytes
# and modification time are unchanged: the tool never writes to what it reads.
#   -DCCMLOG=path/to/ccmlog -DLOG=testdata/...log -DWORK=scratch folder
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/machine")
file(COPY "${LOG}" DESTINATION "${WORK}/machine")
get_filename_component(name "${LOG}" NAME)
set(copy "${WORK}/machine/${name}")
# An old timestamp, so that any write would visibly change it.
execute_process(COMMAND touch -d "2020-01-02 03:04:05" "${copy}")
file(SHA256 "${copy}" before_hash)
file(TIMESTAMP "${copy}" before_time "%Y-%m-%dT%H:%M:%S" UTC)
foreach(args IN ITEMS "analyze|${copy}" "analyze|--format|json|${WORK}/machine" "records|${copy}"
                      "scan|--progress|never|${WORK}")
  string(REPLACE "|" ";" args "${args}")
  execute_process(COMMAND "${CCMLOG}" ${args} OUTPUT_QUIET ERROR_QUIET)
endforeach()
file(SHA256 "${copy}" after_hash)
file(TIMESTAMP "${copy}" after_time "%Y-%m-%dT%H:%M:%S" UTC)
if(NOT before_hash STREQUAL after_hash OR NOT before_time STREQUAL after_time)
  message(FATAL_ERROR "the input changed: ${before_hash} ${before_time} -> ${after_hash} ${after_time}")
endif()
