#pragma once

#include <QString>

// The workspace a new user lands in: created on first use in the user's data folder from the
// prompt set bundled in resources/demo, and re-created if deleted.
namespace demoworkspace {

QString path();
// Creates the demo workspace when it does not exist yet. Returns false with a message on failure.
bool ensure(QString* errorMessage);

} // namespace demoworkspace
