// CSV pieces shared by `eventlens export`, the hparams table and the UI's card
// downloads, so every CSV EventLens writes spells fields and numbers the same way.
#pragma once
#include <string>

namespace el::store {

// A field, quoted (with inner quotes doubled) only when it holds a comma, a
// quote or a line break.
void append_csv_field(std::string& out, const std::string& s);
// A number in the export's form: "NaN", "Infinity", "-Infinity", else the
// shortest text that reads back as the same double.
void append_csv_number(std::string& out, double d);

}  // namespace el::store
