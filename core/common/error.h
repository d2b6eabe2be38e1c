#pragma once

#include <cstdint>
#include <string>

namespace switchyard {

// An error a user can cause (bad file, bad field, unknown model). Carries where it happened so
// the message can name the file, line and field.
struct Error {
    std::string file;
    int64_t line = 0; // 1-based; 0 when the error is not about a line
    std::string field;
    std::string message;

    // "prompts.jsonl:17: field 'messages': expected an array"
    std::string toString() const;
};

} // namespace switchyard
