# presslens_set_warnings(<target>): the project's warning level, as errors under CI.
function(presslens_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${PRESSLENS_WARNINGS_AS_ERRORS}>:/WX>)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                                             $<$<BOOL:${PRESSLENS_WARNINGS_AS_ERRORS}>:-Werror>)
  endif()
endfunction()
