#include "shared_classifier.h"

namespace ccmlog::detail {

const EventClassifier& sharedClassifier() {
  static const EventClassifier instance;
  return instance;
}

}  // namespace ccmlog::detail
