#pragma once

#include "prompts/prompt.h"

#include <QString>

// The detail pane's view of one prompt: system blocks, turns with roles, cache checkpoints,
// expected answer, tags, arrival time and the shape it was read from.
QString promptDetailHtml(const switchyard::Prompt& prompt);
