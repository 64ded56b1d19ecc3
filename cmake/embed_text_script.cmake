# Called by clinaudit_embed_text at build time: writes OUTPUT defining NAME() with INPUT's bytes.
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT}; do not edit.\n"
  "#include <string_view>\n"
  "namespace clinaudit::embedded {\n"
  "std::string_view ${NAME}();\n"
  "std::string_view ${NAME}() {\n"
  "  static const char data[] = {${bytes} '\\0'};\n"
  "  return {data, sizeof(data) - 1};\n"
  "}\n"
  "}  // namespace clinaudit::embedded\n")
