#pragma once

#include <QtGlobal>

// The Policies page's formats: each as the command line spells it (export --format, with
// distill's --target folded in), what the page calls it, and its file filter.
struct PolicyFormatChoice {
    const char* name;
    const char* label;
    const char* filter;
};

inline constexpr PolicyFormatChoice kPolicyFormats[] = {
    {"yaml", QT_TRANSLATE_NOOP("PolicyPage", "Switchyard policy (YAML)"), "*.yaml"},
    {"litellm", QT_TRANSLATE_NOOP("PolicyPage", "LiteLLM proxy config"), "*.yaml"},
    {"bedrock-router", QT_TRANSLATE_NOOP("PolicyPage", "Amazon Bedrock prompt router"), "*.json"},
    {"portkey", QT_TRANSLATE_NOOP("PolicyPage", "Portkey config"), "*.json"},
    {"bedrock-batch", QT_TRANSLATE_NOOP("PolicyPage", "Bedrock batch inference input"), "*.jsonl"},
    {"openai-batch", QT_TRANSLATE_NOOP("PolicyPage", "OpenAI Batch API input"), "*.jsonl"},
    {"anthropic-batch", QT_TRANSLATE_NOOP("PolicyPage", "Anthropic Message Batches request"),
     "*.json"},
    {"distill-bedrock", QT_TRANSLATE_NOOP("PolicyPage", "Bedrock distillation dataset"), "*.jsonl"},
    {"distill-openai", QT_TRANSLATE_NOOP("PolicyPage", "OpenAI fine-tuning dataset"), "*.jsonl"},
};
