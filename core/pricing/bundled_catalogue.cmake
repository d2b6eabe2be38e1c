# Embeds a file into C++ as a byte array (xxd -i without xxd), run at build time:
#   cmake -DINPUT=catalogue.json -DOUTPUT=bundled_catalogue_data.cpp -P bundled_catalogue.cmake
# A byte array rather than a raw string literal: no delimiter can clash with the content, and no
# length limit applies (ISO C++ compilers need only support 65,536-character literals).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexLength)
math(EXPR bytes "${hexLength} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
# 16 bytes a line (CMake regular expressions have no {n} repetition, so the pattern is spelled
# out).
set(line "")
foreach(i RANGE 1 16)
    string(APPEND line "0x[0-9a-f][0-9a-f],")
endforeach()
string(REGEX REPLACE "(${line})" "\\1\n    " hex "${hex}")
file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT} by bundled_catalogue.cmake. Do not edit.\n"
    "namespace switchyard::detail {\n"
    "extern const unsigned char kBundledCatalogueBytes[];\n"
    "const unsigned char kBundledCatalogueBytes[${bytes} + 1] = {\n    ${hex}0x00};\n"
    "} // namespace switchyard::detail\n")
# Only a changed file is replaced, so an unchanged catalogue rebuilds nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
