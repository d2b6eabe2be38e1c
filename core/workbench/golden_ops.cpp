#include "workbench/golden_ops.h"

#include "prompts/prompt_json.h"
#include "providers/detail/crypto.h"

#include <openssl/evp.h>

#include <memory>

namespace switchyard::workbench {

namespace {

struct Content {
    std::string sha256;
    int64_t prompts = 0;
    std::optional<std::string> missingExpected; // the first prompt without an expected answer
};

// SHA-256 over every prompt in set order: its id, its structure, tags and expected answer,
// each length-prefixed so that no two contents hash alike by shifting text between fields.
Expected<Content> readContent(const Workspace& workspace, int64_t setId) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> digest(EVP_MD_CTX_new(),
                                                                   EVP_MD_CTX_free);
    if (!digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1)
        return Error{"", 0, "", "SHA-256 is not available"};
    Content content;
    const auto feed = [&digest](const std::string& text) {
        const std::string length = std::to_string(text.size()) + ":";
        EVP_DigestUpdate(digest.get(), length.data(), length.size());
        EVP_DigestUpdate(digest.get(), text.data(), text.size());
    };
    auto read = workspace.forEachPrompt(setId, [&](int64_t, Prompt&& prompt) {
        ++content.prompts;
        if (!prompt.expected && !content.missingExpected)
            content.missingExpected = prompt.id;
        feed(prompt.id);
        feed(messagesToJson(prompt));
        feed(tagsToJson(prompt.tags));
        feed(prompt.expected.value_or(""));
        return true;
    });
    if (!read)
        return read.error();
    switchyard::detail::Digest bytes{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(digest.get(), bytes.data(), &size) != 1 || size != bytes.size())
        return Error{"", 0, "", "SHA-256 failed"};
    content.sha256 = switchyard::detail::hex(bytes);
    return content;
}

Expected<GoldenStatus> statusOf(const Workspace& workspace, int64_t setId, const Content& content) {
    GoldenStatus status;
    status.setId = setId;
    const auto set = workspace.promptSet(setId);
    if (!set)
        return Error{workspace.path(), 0, "set", "no prompt set " + std::to_string(setId)};
    status.setName = set->name;
    status.golden = set->golden;
    status.versions = workspace.goldenVersions(setId);
    status.currentSha256 = content.sha256;
    status.prompts = content.prompts;
    for (const GoldenVersion& version : status.versions)
        if (version.contentSha256 == content.sha256)
            status.currentVersion = version.version;
    return status;
}

} // namespace

Expected<GoldenStatus> goldenStatus(const Workspace& workspace, int64_t setId) {
    auto content = readContent(workspace, setId);
    if (!content)
        return content.error();
    return statusOf(workspace, setId, *content);
}

Expected<GoldenStatus> markGolden(Workspace& workspace, int64_t setId) {
    auto content = readContent(workspace, setId);
    if (!content)
        return content.error();
    if (content->prompts == 0)
        return Error{"", 0, "set", "an empty prompt set cannot be a benchmark"};
    if (content->missingExpected)
        return Error{"", 0, "expected",
                     "prompt '" + *content->missingExpected +
                         "' has no expected answer: every prompt of a golden set needs one"};
    auto before = statusOf(workspace, setId, *content);
    if (!before)
        return before.error();
    std::optional<GoldenVersion> added;
    if (!before->currentVersion) {
        GoldenVersion version;
        version.version = before->versions.empty() ? 1 : before->versions.back().version + 1;
        version.prompts = content->prompts;
        version.contentSha256 = content->sha256;
        added = version;
    }
    if (auto stored = workspace.setGolden(setId, true, added); !stored)
        return stored.error();
    return statusOf(workspace, setId, *content);
}

Expected<GoldenStatus> unmarkGolden(Workspace& workspace, int64_t setId) {
    if (auto stored = workspace.setGolden(setId, false, std::nullopt); !stored)
        return stored.error();
    return goldenStatus(workspace, setId);
}

} // namespace switchyard::workbench
