package xuanju.server.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import xuanju.core.register.Eligibility;
import xuanju.core.register.EligibilityResult;
import xuanju.core.register.LegalStatus;
import xuanju.core.register.RegisterRule;
import xuanju.core.register.Registration;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.RegistrationCheck;
import xuanju.core.register.Registrations;
import xuanju.core.register.Resident;
import xuanju.core.rule.Finding;
import xuanju.server.election.Election;
import xuanju.server.register.RegisterRepository.NewRegistration;
import xuanju.server.register.RegistrationService.Refusal;

/**
 * The checking half of a registration run (登记计算), apart from the database so that it can run in a
 * second thread while the first writes (two cores: this one decides, sorts and numbers; the other,
 * or the database server, writes). District by district in district order, each district's persons
 * in list order ({@link ListOrder}), in chunks of {@value #CHUNK}: death, core {@link
 * Eligibility#decide}, core {@link Registrations#checkAll} against the register of the scope, and
 * voter numbers after the district's highest. The results are handed over through a bounded queue,
 * in order; the first exception (e.g. an incomplete legal-status record) ends the run and is handed
 * over in place of the next chunk.
 */
final class RegistrationRun implements Runnable {
  static final int CHUNK = 5000;

  /** The work done for one chunk of one district. */
  record Chunk(
      DistrictInfo district,
      List<NewRegistration> inserts,
      Object prepared,
      List<NewRegistration> reuses,
      List<Refusal> refusals,
      int alreadyHere) {}

  /** The end of the run: no more chunks. */
  private static final Object END = new Object();

  private final Election election;
  private final LocalDate day;
  private final String scope;
  private final List<DistrictInfo> open;
  private final Map<Long, List<PersonRow>> byDistrict;
  private final Map<Long, List<LegalStatuses.Row>> legal;
  private final Map<String, Registration> existing;
  private final Map<Long, Long> removed;
  private final Map<Long, Integer> maxVoterNo;
  private final Function<List<NewRegistration>, Object> prepare;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);

  /**
   * @param removed the removed (除名) registrations of the scope by person, which are reused
   * @param maxVoterNo the highest voter number per district (absent = 0)
   * @param prepare encodes the rows to insert for the writer (pure)
   */
  RegistrationRun(
      Election election,
      LocalDate day,
      String scope,
      List<DistrictInfo> open,
      Map<Long, List<PersonRow>> byDistrict,
      Map<Long, List<LegalStatuses.Row>> legal,
      Map<String, Registration> existing,
      Map<Long, Long> removed,
      Map<Long, Integer> maxVoterNo,
      Function<List<NewRegistration>, Object> prepare) {
    this.election = election;
    this.day = day;
    this.scope = scope;
    this.open = open;
    this.byDistrict = byDistrict;
    this.legal = legal;
    this.existing = existing;
    this.removed = removed;
    this.maxVoterNo = maxVoterNo;
    this.prepare = prepare;
  }

  @Override
  public void run() {
    try {
      for (DistrictInfo d : open) {
        List<PersonRow> people = byDistrict.remove(d.id());
        if (people == null) {
          continue;
        }
        ListOrder.sort(people, PersonRow::group, PersonRow::name, PersonRow::residentId);
        int next = maxVoterNo.getOrDefault(d.id(), 0) + 1;
        for (int from = 0; from < people.size(); from += CHUNK) {
          Chunk c = chunk(d, people.subList(from, Math.min(people.size(), from + CHUNK)), next);
          next += c.inserts().size() + c.reuses().size();
          queue.put(c);
        }
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      queue.clear();
      queue.offer(e);
    }
  }

  /**
   * The next chunk, in order; null at the end.
   *
   * @throws RuntimeException the exception that ended the run
   */
  Chunk take() throws InterruptedException {
    Object o = queue.take();
    if (o == END) {
      return null;
    }
    if (o instanceof RuntimeException e) {
      throw e;
    }
    if (o instanceof Error e) {
      throw e;
    }
    return (Chunk) o;
  }

  private Chunk chunk(DistrictInfo d, List<PersonRow> people, int firstNo) {
    List<Refusal> refusals = new ArrayList<>();
    List<Registration> requests = new ArrayList<>(people.size());
    List<PersonRow> requestPersons = new ArrayList<>(people.size());
    var place = d.place();
    for (PersonRow p : people) {
      if (p.diedOn() != null && !p.diedOn().isAfter(election.electionDay())) {
        refusals.add(
            new Refusal(
                d.id(),
                p.id(),
                RefusalReason.DECEASED,
                "",
                p.labelZh() + "已于" + p.diedOn() + "死亡，不列入选民名单"));
        continue;
      }
      LegalStatus status = LegalStatuses.of(p.labelZh(), legal.get(p.id()));
      Resident resident = p.resident();
      EligibilityResult er = Eligibility.decide(resident, status, election.electionDay());
      if (!er.eligible()) {
        refusals.add(
            new Refusal(
                d.id(),
                p.id(),
                RefusalReason.valueOf(er.status().name()),
                er.code(),
                er.messageZh()));
        continue;
      }
      requests.add(
          d.defaultBasis() == RegistrationBasis.WORKPLACE
              ? Registration.atWorkplace(resident, place, p.workplace(), day)
              : Registration.atHukou(resident, place, day));
      requestPersons.add(p);
    }
    List<RegistrationCheck> checks =
        Registrations.checkAll(requests, id -> Optional.ofNullable(existing.get(id)));
    List<NewRegistration> inserts = new ArrayList<>(checks.size());
    List<NewRegistration> reuses = new ArrayList<>();
    int no = firstNo;
    int alreadyHere = 0;
    for (int i = 0; i < checks.size(); i++) {
      RegistrationCheck c = checks.get(i);
      PersonRow p = requestPersons.get(i);
      if (c.accepted()) {
        NewRegistration n =
            new NewRegistration(election.id(), d.id(), p.id(), scope, no++, c.request());
        (removed.containsKey(p.id()) ? reuses : inserts).add(n);
        continue;
      }
      Finding f = c.findings().errors().get(0);
      if (f.rule() == RegisterRule.REGISTERED_HERE) {
        alreadyHere++;
      } else if (f.rule() == RegisterRule.REGISTERED_ELSEWHERE) {
        refusals.add(new Refusal(d.id(), p.id(), RefusalReason.ELSEWHERE, f.code(), f.messageZh()));
      } else {
        refusals.add(new Refusal(d.id(), p.id(), RefusalReason.BASIS, f.code(), f.messageZh()));
      }
    }
    return new Chunk(d, inserts, prepare.apply(inserts), reuses, refusals, alreadyHere);
  }
}
