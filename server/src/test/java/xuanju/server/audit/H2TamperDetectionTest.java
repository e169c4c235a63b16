package xuanju.server.audit;

import java.util.List;

/** {@link TamperDetectionContract} on the embedded H2 file database. */
class H2TamperDetectionTest extends TamperDetectionContract {
  @Override
  List<String> database() {
    return List.of();
  }
}
