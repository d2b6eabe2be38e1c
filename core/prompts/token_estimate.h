#pragma once

#include "prompts/prompt.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace switchyard {

// The tokenizer a model counts with. Within a family the counts are close enough for estimates.
enum class TokenizerFamily { Claude, OpenAiO200k, OpenAiCl100k, Llama, Mistral, Nova, Generic };

const char* tokenizerFamilyName(TokenizerFamily family);

// From a provider model id, with or without provider and region prefixes:
// "us.anthropic.claude-3-5-haiku-20241022-v1:0", "gpt-4o-mini", "meta.llama3-1-8b-instruct-v1:0",
// "mistralai/Mixtral-8x7B-Instruct-v0.1". Unknown ids are Generic.
TokenizerFamily tokenizerFamilyForModel(std::string_view modelId);

// Estimated token count of plain text, for pre-run cost estimates and cache simulation before
// any call is made. A heuristic, not a tokenizer: it counts words, digit groups, punctuation
// runs, CJK characters and whitespace with per-family ratios (documented in the .cpp), so expect
// errors of a few tens of percent on unusual text. Fit a TokenCalibration once usage is recorded.
int64_t estimateTokens(std::string_view text, TokenizerFamily family);

// Input tokens of a whole request: system blocks, every turn, tool definitions, and the framing
// each provider adds per message and per request. The expected answer is not input and is left out.
int64_t estimatePromptTokens(const Prompt& prompt, TokenizerFamily family);

// A correction learned from recorded usage: actual ≈ scale × estimated.
struct TokenCalibration {
    double scale = 1.0;
};

struct TokenSample {
    int64_t estimatedTokens = 0;
    int64_t actualTokens = 0;
};

// Least squares through the origin: scale = Σ(e·a) / Σ(e²). A line through the origin because
// zero text costs zero tokens, and the largest prompts (which cost most) weigh most. Returns the
// identity when there are no samples with a non-zero estimate.
TokenCalibration fitTokenCalibration(std::span<const TokenSample> samples);

int64_t applyCalibration(int64_t estimatedTokens, const TokenCalibration& calibration);

} // namespace switchyard
