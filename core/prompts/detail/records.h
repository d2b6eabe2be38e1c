#pragma once

#include "common/expected.h"
#include "prompts/prompt.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::detail {

// --- one JSONL record -------------------------------------------------------------------------

// Parses one JSONL line: the fast path for plain records, else the full parser.
Expected<Prompt> promptFromJsonLine(std::string_view line);
// The full parser alone (simdjson; prompts/detail/json_records.h); a syntax error names its
// column, counted in characters.
Expected<Prompt> promptFromJsonText(std::string_view line);
// nlohmann's parse of any JSON line (recorded results use it), with the same messages.
Status parseJsonText(std::string_view line, nlohmann::json& out);

// The fast path for the common plain shape ({"prompt": ..., "id": ..., "tags": [...]}), several
// times quicker than a DOM parse. It returns false whenever it is not certain, never for a bad
// line: the caller then runs the full parser, which alone decides what is an error. When it
// returns true, `out` equals what promptFromJson would build.
bool parsePlainFast(std::string_view line, Prompt& out);

// Top-level keys that make a record something other than a plain prompt; the fast path gives up
// on them so both paths agree on the shape.
bool isShapeKey(std::string_view key);

// --- field values shared by JSONL and CSV ------------------------------------------------------

// A number kept as a prompt field (Prompt::fields): integers as written, others as the shortest
// text that reads back as the same double, so the fast path and the full parser agree.
std::string fieldNumberText(double value);

// The plain shape: one user turn, and an optional system text.
void setPlainTurn(Prompt& prompt, std::string text, std::string system);

// Tags given as one string are split on ',', ';' and '|'; each tag is trimmed, empties dropped.
void appendTag(std::vector<std::string>& tags, std::string_view tag);
void appendTagList(std::vector<std::string>& tags, std::string_view list);

// ISO-8601 / RFC 3339 date-time ("2026-11-27T10:00:00Z", "...T10:00:00.250+01:00", a date alone
// is midnight). Without an offset the time is taken as UTC. Milliseconds since the Unix epoch.
std::optional<int64_t> parseIsoTimestampMs(std::string_view text);

// An epoch number whose unit is told by magnitude: below 1e11 it is seconds (1e11 s is the year
// 5138), below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds. Each boundary sits
// where the smaller unit would be centuries ahead and the larger one would be before 1974, so no
// realistic log timestamp lands on the wrong side. Empty for NaN, infinities and |value| > 9e18.
std::optional<int64_t> epochMsFromNumber(double value);

// A CSV cell or JSON string holding either form. Empty when it is neither.
std::optional<int64_t> parseTimestampText(std::string_view text);

extern const char* const kTimestampTypeMessage;
extern const char* const kTimestampValueMessage;

// --- text -------------------------------------------------------------------------------------

// Byte offset of the first byte that is not valid UTF-8 (overlongs and surrogates included), or
// npos when the text is valid.
size_t findInvalidUtf8(std::string_view text);

// 1-based column of a byte offset, counting characters (UTF-8 code points) as editors do.
int64_t columnOfByte(std::string_view line, size_t byteOffset);

bool isBlank(std::string_view line);

} // namespace switchyard::detail
