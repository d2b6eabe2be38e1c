#include "prompts/detail/load_run.h"

#include <algorithm>

namespace switchyard::detail {

LoadRun::LoadRun(const std::string& path, const PromptSink& sink, const LoadOptions& options,
                 const CancelToken* cancel, const Progress& progress, int64_t fileBytes)
    : m_path(path), m_sink(sink), m_options(options), m_cancel(cancel), m_progress(progress),
      m_fileBytes(fileBytes) {
    m_options.batchSize = std::max<size_t>(m_options.batchSize, 1);
    m_batch.reserve(std::min<size_t>(m_options.batchSize, 65536));
    m_summary.cancelled = m_cancel && m_cancel->cancelled();
}

void LoadRun::checkpoint(int64_t bytesConsumed) {
    if (m_cancel && m_cancel->cancelled())
        m_summary.cancelled = true;
    if (m_progress)
        m_progress(bytesConsumed, m_fileBytes);
}

bool LoadRun::countLine(int64_t bytesConsumed) {
    if (m_summary.cancelled)
        return false;
    ++m_summary.linesRead;
    // A file of nothing but bad lines never fills a batch, so cancel and progress are also
    // checked every batchSize lines, not only when a batch is handed over.
    if (m_summary.linesRead % static_cast<int64_t>(m_options.batchSize) == 0)
        checkpoint(bytesConsumed);
    return !m_summary.cancelled;
}

void LoadRun::flush() {
    if (m_batch.empty())
        return;
    m_summary.accepted += static_cast<int64_t>(m_batch.size());
    m_sink(std::move(m_batch));
    m_batch = {};
    m_batch.reserve(std::min<size_t>(m_options.batchSize, 65536));
    if (m_cancel && m_cancel->cancelled())
        m_summary.cancelled = true;
}

void LoadRun::accept(Prompt&& prompt) {
    m_batch.push_back(std::move(prompt));
    if (m_batch.size() >= m_options.batchSize)
        flush();
}

void LoadRun::reject(int64_t line, std::string field, std::string message) {
    ++m_summary.rejectedCount;
    if (m_summary.rejected.size() < m_options.maxRejectionsKept)
        m_summary.rejected.push_back(Error{m_path, line, std::move(field), std::move(message)});
}

LoadSummary LoadRun::finish(int64_t bytesConsumed) {
    if (!m_summary.cancelled)
        flush();
    if (m_progress)
        m_progress(bytesConsumed, m_fileBytes);
    return std::move(m_summary);
}

std::string describeByteLimit(size_t bytes) {
    constexpr size_t kMiB = size_t{1} << 20;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace switchyard::detail
