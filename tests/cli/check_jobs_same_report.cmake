# 'ccmlog analyze' reads a large CMTrace log in pieces on several threads: its
# report (text and JSON) and exit code must be those of one thread.
#   -DPYTHON=python3 -DGENERATOR=bench/make_ccmsetup_log.py  make the log
#   -DLOG=path                                               where it goes (made once)
#   -DCCMLOG=path/to/ccmlog
if(NOT EXISTS "${LOG}")
  # 12 MB: three pieces of the default 4 MiB.
  execute_process(COMMAND ${PYTHON} ${GENERATOR} ${LOG}.part 12 RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "the generator failed: ${made}")
  endif()
  file(RENAME ${LOG}.part ${LOG})
endif()
foreach(format text json)
  set(reference "")
  foreach(jobs 1 2 3)
    execute_process(COMMAND ${CCMLOG} analyze --color never --format ${format} --jobs ${jobs} ${LOG}
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
    if(jobs EQUAL 1)
      set(reference "${out}")
      set(referenceCode "${code}")
      string(LENGTH "${out}" length)
      if(length LESS 1000)
        message(FATAL_ERROR "a short report (${code}):\n${out}\n${err}")
      endif()
    elseif(NOT out STREQUAL reference OR NOT code STREQUAL referenceCode)
      file(WRITE ${LOG}.${format}.jobs1 "${reference}")
      file(WRITE ${LOG}.${format}.jobs${jobs} "${out}")
      message(FATAL_ERROR "--jobs ${jobs} differs from --jobs 1 (${format}); see ${LOG}.${format}.jobs*")
    endif()
  endforeach()
endforeach()
