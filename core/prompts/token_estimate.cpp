#include "prompts/token_estimate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace switchyard {

namespace {

// How a family's tokenizer treats each kind of text. Origins:
// - English words: published average characters per token on English prose, turned into
//   "letters per token" of a word (a word costs max(1, letters / lettersPerToken); its leading
//   space is free, as BPE merges it) so that a typical English word-length mix lands on the
//   published figure: OpenAI cl100k "~4 characters per token, 100 tokens ~ 75 words" (OpenAI help
//   centre) -> 5.0; o200k is a little denser on English -> 5.5; Anthropic has described Claude as
//   "~3.5 characters per token" -> 4.0; Llama 3 moved from 3.2 to ~4 characters per token (Meta's
//   Llama 3 release) -> 5.0; Mistral's 32k SentencePiece vocabulary is Llama 2-like, ~3.2 -> 3.4.
//   Amazon publishes no figure for Nova: it is assumed cl100k-like until calibrated.
// - Digits: tiktoken-style pre-tokenizers (cl100k, o200k, Llama 3) cut numbers into groups of up to
//   three digits; SentencePiece with split_digits (Mistral) spends one token per digit. Claude and
//   Nova are assumed to group like tiktoken.
// - CJK: about one token per character with cl100k, fewer with the larger multilingual
//   vocabularies (o200k, Llama 3), more where a 32k vocabulary falls back to bytes (Mistral).
// - Punctuation runs: BPE vocabularies hold common pairs ("),", "://", "..."), so a run costs
//   about one token per two symbols; SentencePiece merges fewer.
// - Whitespace: a single space rides with the next word; other runs (newlines, indentation) cost
//   a token per spacesPerToken characters: BPE vocabularies hold long runs of spaces (8 assumed),
//   SentencePiece's 32k vocabulary few (2).
// - Framing: OpenAI's cookbook counts 3 tokens per message plus 3 to prime the reply; Llama 3's
//   template is 5 per message (header start, role, header end, blank line, eot) plus BOS and the
//   assistant header; Mistral's [INST]...[/INST] is ~3 per turn plus BOS; Claude's figures fit
//   count_tokens reporting 10 input tokens for the single user message "Hello, world"; Nova and
//   Generic are assumptions. Claude also adds its tool-use system prompt (346 tokens for
//   tool_choice auto, per Anthropic's tool-use pricing table) whenever tools are defined.
struct FamilyRatios {
    double lettersPerToken;
    double digitsPerToken;
    double symbolsPerToken;
    double tokensPerCjkChar;
    double spacesPerToken;
    int64_t perMessage;
    int64_t perRequest;
    int64_t toolsOverhead;
};

const FamilyRatios& ratiosFor(TokenizerFamily family) {
    static const FamilyRatios kClaude{4.0, 3, 2, 1.0, 8, 3, 3, 346};
    static const FamilyRatios kO200k{5.5, 3, 2, 0.7, 8, 3, 3, 0};
    static const FamilyRatios kCl100k{5.0, 3, 2, 1.0, 8, 3, 3, 0};
    static const FamilyRatios kLlama{5.0, 3, 2, 0.9, 8, 5, 5, 0};
    static const FamilyRatios kMistral{3.4, 1, 1.5, 1.5, 2, 3, 1, 0};
    static const FamilyRatios kNova{5.0, 3, 2, 1.0, 8, 4, 3, 0};
    static const FamilyRatios kGeneric{5.0, 3, 2, 1.0, 8, 4, 3, 0};
    switch (family) {
    case TokenizerFamily::Claude:
        return kClaude;
    case TokenizerFamily::OpenAiO200k:
        return kO200k;
    case TokenizerFamily::OpenAiCl100k:
        return kCl100k;
    case TokenizerFamily::Llama:
        return kLlama;
    case TokenizerFamily::Mistral:
        return kMistral;
    case TokenizerFamily::Nova:
        return kNova;
    case TokenizerFamily::Generic:
        return kGeneric;
    }
    return kGeneric;
}

enum class CharClass { Letter, Digit, Space, Symbol, Cjk };

struct CodePoint {
    CharClass kind;
    // Letters outside ASCII weigh more: vocabularies trained mostly on English split them finer
    // (accented Latin 1.5 letters, other alphabets 2). Emoji and other astral symbols are 2.
    double weight;
};

CodePoint classify(uint32_t c) {
    if (c < 0x80) {
        if (std::isalpha(static_cast<int>(c)))
            return {CharClass::Letter, 1.0};
        if (c >= '0' && c <= '9')
            return {CharClass::Digit, 1.0};
        if (c == ' ' || (c >= '\t' && c <= '\r'))
            return {CharClass::Space, 1.0};
        return {CharClass::Symbol, 1.0};
    }
    if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000)
        return {CharClass::Space, 1.0};
    if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
        (c >= 0x20000 && c <= 0x3FFFF))
        return {CharClass::Cjk, 1.0};
    if (c >= 0xC0 && c <= 0x36F && c != 0xD7 && c != 0xF7)
        return {CharClass::Letter, 1.5};
    if (c >= 0x370 && c <= 0x1FFF)
        return {CharClass::Letter, 2.0};
    if (c >= 0x10000)
        return {CharClass::Symbol, 2.0};
    return {CharClass::Symbol, 1.0};
}

// Decodes one code point; a byte that is not valid UTF-8 comes back as a symbol of its own.
uint32_t nextCodePoint(std::string_view text, size_t& i) {
    const auto byte = [&text](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return lead < 0x80 ? lead : 0xFFFD;
    }
    uint32_t code = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return code;
}

class RunCounter {
public:
    explicit RunCounter(const FamilyRatios& ratios) : m_ratios(ratios) {}

    void add(CodePoint point, uint32_t code, bool nextIsLetter) {
        // "don't", "it's": tiktoken-style splits give "'t" one token, so the apostrophe joins
        // the letters after it instead of costing a token of its own.
        if (code == '\'' && m_kind == CharClass::Letter && m_length > 0 && nextIsLetter) {
            close();
            m_kind = CharClass::Letter;
            return;
        }
        if (point.kind == CharClass::Cjk) {
            close();
            m_tokens += m_ratios.tokensPerCjkChar;
            return;
        }
        if (point.kind != m_kind || m_length == 0) {
            close();
            m_kind = point.kind;
            m_singleSpace = code == ' ';
        } else {
            m_singleSpace = false;
        }
        m_length += point.weight;
    }

    double finish() {
        close();
        return m_tokens;
    }

private:
    void close() {
        if (m_length > 0) {
            switch (m_kind) {
            case CharClass::Letter:
                m_tokens += std::max(1.0, m_length / m_ratios.lettersPerToken);
                break;
            case CharClass::Digit:
                m_tokens += std::ceil(m_length / m_ratios.digitsPerToken);
                break;
            case CharClass::Symbol:
                m_tokens += std::ceil(m_length / m_ratios.symbolsPerToken);
                break;
            case CharClass::Space:
                if (!m_singleSpace)
                    m_tokens += std::ceil(m_length / m_ratios.spacesPerToken);
                break;
            case CharClass::Cjk:
                break;
            }
        }
        m_length = 0;
        m_singleSpace = false;
    }

    const FamilyRatios& m_ratios;
    CharClass m_kind = CharClass::Space;
    double m_length = 0;
    bool m_singleSpace = false;
    double m_tokens = 0;
};

double estimateRaw(std::string_view text, const FamilyRatios& ratios) {
    RunCounter counter(ratios);
    size_t i = 0;
    while (i < text.size()) {
        const uint32_t code = nextCodePoint(text, i);
        const bool nextIsLetter =
            i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0;
        counter.add(classify(code), code, nextIsLetter);
    }
    return counter.finish();
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

} // namespace

const char* tokenizerFamilyName(TokenizerFamily family) {
    switch (family) {
    case TokenizerFamily::Claude:
        return "claude";
    case TokenizerFamily::OpenAiO200k:
        return "o200k";
    case TokenizerFamily::OpenAiCl100k:
        return "cl100k";
    case TokenizerFamily::Llama:
        return "llama";
    case TokenizerFamily::Mistral:
        return "mistral";
    case TokenizerFamily::Nova:
        return "nova";
    case TokenizerFamily::Generic:
        return "generic";
    }
    return "generic";
}

TokenizerFamily tokenizerFamilyForModel(std::string_view modelId) {
    std::string id(modelId);
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (contains(id, "claude"))
        return TokenizerFamily::Claude;
    if (contains(id, "llama"))
        return TokenizerFamily::Llama;
    for (const char* name :
         {"mistral", "mixtral", "ministral", "codestral", "pixtral", "magistral"})
        if (contains(id, name))
            return TokenizerFamily::Mistral;
    if (contains(id, "nova"))
        return TokenizerFamily::Nova;

    // OpenAI: strip "openai/" or "openai." so the o-series can be matched at the start.
    for (std::string_view prefix : {"openai/", "openai."})
        if (id.rfind(prefix, 0) == 0)
            id.erase(0, prefix.size());
    for (const char* name : {"gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "chatgpt-4o"})
        if (contains(id, name))
            return TokenizerFamily::OpenAiO200k;
    if (id.size() >= 2 && id[0] == 'o' && std::isdigit(static_cast<unsigned char>(id[1])) &&
        (id.size() == 2 || id[2] == '-'))
        return TokenizerFamily::OpenAiO200k; // o1, o3-mini, o4-mini
    for (const char* name : {"gpt-4", "gpt-3.5", "text-embedding-3", "text-embedding-ada-002"})
        if (contains(id, name))
            return TokenizerFamily::OpenAiCl100k;
    return TokenizerFamily::Generic;
}

int64_t estimateTokens(std::string_view text, TokenizerFamily family) {
    if (text.empty())
        return 0;
    return std::max<int64_t>(1, std::llround(estimateRaw(text, ratiosFor(family))));
}

int64_t estimatePromptTokens(const Prompt& prompt, TokenizerFamily family) {
    const FamilyRatios& ratios = ratiosFor(family);
    // Summed unrounded, so a prompt of many small blocks does not gather rounding error.
    double tokens = static_cast<double>(ratios.perRequest);
    if (!prompt.system.empty()) {
        tokens += static_cast<double>(ratios.perMessage);
        for (const auto& block : prompt.system)
            tokens += estimateRaw(block.text, ratios);
    }
    for (const auto& message : prompt.messages) {
        tokens += static_cast<double>(ratios.perMessage);
        for (const auto& block : message.content)
            tokens += estimateRaw(block.text, ratios);
    }
    if (!prompt.toolsJson.empty())
        tokens += estimateRaw(prompt.toolsJson, ratios) + static_cast<double>(ratios.toolsOverhead);
    return std::llround(tokens);
}

TokenCalibration fitTokenCalibration(std::span<const TokenSample> samples) {
    double crossProducts = 0;
    double squares = 0;
    for (const auto& sample : samples) {
        const auto estimated = static_cast<double>(sample.estimatedTokens);
        crossProducts += estimated * static_cast<double>(sample.actualTokens);
        squares += estimated * estimated;
    }
    if (squares <= 0)
        return {};
    return TokenCalibration{crossProducts / squares};
}

int64_t applyCalibration(int64_t estimatedTokens, const TokenCalibration& calibration) {
    return std::llround(static_cast<double>(estimatedTokens) * calibration.scale);
}

} // namespace switchyard
