// shared_classifier.h (internal): the one EventClassifier every analysis and
// every piece shares. Compiling the patterns is the costly part, and
// classify() is const, so one instance serves every thread.
#pragma once

#include "ccmlog/event_classifier.h"

namespace ccmlog::detail {

/// The classifier, compiled on first use (thread-safe).
const EventClassifier& sharedClassifier();

}  // namespace ccmlog::detail
