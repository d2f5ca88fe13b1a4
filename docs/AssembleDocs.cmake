# Copies the hand-written Markdown pages of ONNXC_DOCS_SRC into
# ONNXC_DOCS_DST (which already holds the generated ODS docs), expanding
# each line `<!-- include "FILE.md" -->` with ONNXC_DOCS_DST/<page's
# folder>/FILE.md. A missing generated file is an error. (docs/CMakeLists.txt)
cmake_minimum_required(VERSION 3.20)
if(NOT ONNXC_DOCS_SRC OR NOT ONNXC_DOCS_DST)
  message(FATAL_ERROR "usage: cmake -DONNXC_DOCS_SRC=docs -DONNXC_DOCS_DST=build/docs -P AssembleDocs.cmake")
endif()

file(GLOB_RECURSE _pages RELATIVE ${ONNXC_DOCS_SRC} ${ONNXC_DOCS_SRC}/*.md)
set(_count 0)
foreach(_page ${_pages})
  get_filename_component(_dir ${_page} DIRECTORY)
  file(READ ${ONNXC_DOCS_SRC}/${_page} _text)
  string(REGEX MATCHALL "<!-- include \"[^\"]+\" -->" _includes "${_text}")
  foreach(_marker ${_includes})
    string(REGEX REPLACE "<!-- include \"([^\"]+)\" -->" "\\1" _file "${_marker}")
    set(_generated ${ONNXC_DOCS_DST}/${_dir}/${_file})
    if(NOT EXISTS ${_generated})
      message(FATAL_ERROR "${_page} includes ${_file}, but ${_generated} was not generated")
    endif()
    file(READ ${_generated} _content)
    # The generated pages start with their own level-1 title: demote every
    # heading one level so that they nest under the including section.
    string(REGEX REPLACE "(^|\n)(#+ )" "\\1#\\2" _content "${_content}")
    string(REPLACE "${_marker}" "${_content}" _text "${_text}")
  endforeach()
  file(MAKE_DIRECTORY ${ONNXC_DOCS_DST}/${_dir})
  file(WRITE ${ONNXC_DOCS_DST}/${_page} "${_text}")
  math(EXPR _count "${_count} + 1")
endforeach()
message(STATUS "docs: ${_count} pages in ${ONNXC_DOCS_DST}")
