package xuanju.server.election.kind;

import xuanju.server.election.Election;

/**
 * Where the plan check of a direct election reads its districts and register (选区与选民登记情况的来源);
 * implemented by the voter register, so that the kinds stay free of persistence.
 */
public interface RegisterFactsSource {
  RegisterFacts of(Election e);
}
