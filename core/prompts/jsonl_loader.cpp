#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"

#include <cerrno>
#include <cstring>

namespace switchyard::detail {

Status loadJsonl(LineReader& reader, LoadRun& run) {
    std::string_view line;
    for (;;) {
        const auto status = reader.next(line);
        if (status == LineReader::Status::End)
            break;
        if (status == LineReader::Status::ReadError)
            return Error{run.path(), reader.lineNumber() + 1, "",
                         std::string("read error: ") + std::strerror(errno)};
        if (status == LineReader::Status::Line && isBlank(line))
            continue;
        if (!run.countLine(reader.bytesConsumed()))
            break;
        if (status == LineReader::Status::TooLong) {
            run.reject(reader.lineNumber(), "",
                       "line is longer than " + describeByteLimit(run.options().maxLineBytes));
            continue;
        }
        if (const size_t bad = findInvalidUtf8(line); bad != std::string_view::npos) {
            run.reject(reader.lineNumber(), "",
                       "invalid UTF-8 at column " + std::to_string(columnOfByte(line, bad)) +
                           "; the file must be UTF-8");
            continue;
        }
        Prompt plain;
        if (parsePlainFast(line, plain))
            run.accept(std::move(plain));
        else if (auto prompt = promptFromJsonText(line))
            run.accept(std::move(prompt).value());
        else
            run.reject(reader.lineNumber(), prompt.error().field, prompt.error().message);
        if (run.stopped())
            break;
    }
    return success();
}

} // namespace switchyard::detail
