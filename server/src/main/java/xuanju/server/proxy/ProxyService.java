package xuanju.server.proxy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import xuanju.core.profile.Param;
import xuanju.core.profile.Profile;
import xuanju.core.proxy.ProxyResult;
import xuanju.core.register.RegisteredProxies;
import xuanju.core.register.RegisteredProxyRequest;
import xuanju.core.register.Registration;
import xuanju.core.register.RegistrationBasis;
import xuanju.core.register.RegistrationPlace;
import xuanju.core.roster.ResidentIds;
import xuanju.core.rule.InvalidInputException;
import xuanju.core.rule.Step;
import xuanju.server.access.AccessService;
import xuanju.server.access.Permission;
import xuanju.server.audit.AuditLog;
import xuanju.server.election.Election;
import xuanju.server.election.ElectionService;
import xuanju.server.proxy.ProxyRepository.Registered;

/**
 * Proxies of registered voters (委托投票): records the written authorisation (委托书) and the election
 * committee's consent, checked with the core rules ({@link RegisteredProxies}: both registered
 * voters of this election, not the same person, written, close relative where the kind requires it,
 * the same district, the cap per holder). A proxy beyond a rule is refused with the rule's Chinese
 * message and its legal source, and nothing is saved. Withdrawal needs a confirmation and a reason.
 * Every change is audited; at check-in a holder's valid proxies count as present.
 */
@Service
public class ProxyService {
  private final ProxyRepository repo;
  private final ElectionService elections;
  private final AuditLog audit;
  private final Clock clock;

  ProxyService(ProxyRepository repo, ElectionService elections, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What the officer enters from the written authorisation.
   *
   * @param principalId 委托人的公民身份号码
   * @param holderId 受托人的公民身份号码
   * @param authorisedOn 委托日期
   * @param reason 委托原因 (e.g. 外出务工)
   * @param written 已收到委托人签名的书面委托书
   * @param closeRelative 受托人是委托人的近亲属
   * @param relationship 关系 (e.g. 配偶), may be blank
   * @param consentOn 选举委员会同意的日期, or null (then pending where consent is required)
   * @param consentBy 同意人 (e.g. 选举委员会主任 王某), required with {@code consentOn}
   */
  public record Form(
      String principalId,
      String holderId,
      LocalDate authorisedOn,
      String reason,
      boolean written,
      boolean closeRelative,
      String relationship,
      LocalDate consentOn,
      String consentBy) {}

  private Election election(long electionId, Permission p) {
    Election e = elections.get(electionId, p);
    if (!e.kind().config().electorate().registersVoters()) {
      throw new IllegalStateException("「" + e.title() + "」的选举人不是登记的选民，不办理委托投票");
    }
    return e;
  }

  /** The election's proxies, withdrawn ones included, in the order they were recorded. */
  @Transactional(readOnly = true)
  public List<VoterProxy> list(long electionId) {
    election(electionId, Permission.VIEW);
    return repo.list(electionId);
  }

  /** One proxy of the election. */
  @Transactional(readOnly = true)
  public VoterProxy get(long electionId, long proxyId) {
    election(electionId, Permission.VIEW);
    return find(electionId, proxyId);
  }

  private VoterProxy find(long electionId, long proxyId) {
    return repo.find(electionId, proxyId)
        .orElseThrow(() -> new InvalidInputException("proxyId", "没有这项委托投票：" + proxyId));
  }

  /** Whether the election's rules require the committee's consent (选举委员会同意). */
  public boolean consentRequired(Election e) {
    Profile p = elections.profile(e);
    return p.has(Param.PROXY_CONSENT_REQUIRED) && p.flag(Param.PROXY_CONSENT_REQUIRED);
  }

  /** The 委托书 of a proxy, printable. */
  @Transactional(readOnly = true)
  public xuanju.server.documents.DocumentContent letter(
      long electionId, long proxyId, String committee) {
    Election e = election(electionId, Permission.VIEW);
    Profile p = elections.profile(e);
    Integer cap = p.has(Param.PROXY_CAP) ? p.integer(Param.PROXY_CAP) : null;
    return ProxyDocuments.letter(e, find(electionId, proxyId), committee, cap);
  }

  /** Records a proxy; returns its id. Refused (nothing saved) when a rule is not met. */
  @Transactional
  public long record(long electionId, Form f) {
    Election e = election(electionId, Permission.MANAGE);
    String reason = f.reason() == null ? "" : f.reason().strip();
    String consentBy = f.consentBy() == null ? "" : f.consentBy().strip();
    String relationship = f.relationship() == null ? "" : f.relationship().strip();
    if (f.authorisedOn() == null) {
      throw new InvalidInputException("authorisedOn", "请填写委托日期");
    }
    if (e.electionDay() != null && f.authorisedOn().isAfter(e.electionDay())) {
      throw new InvalidInputException("authorisedOn", "委托日期不能晚于选举日（" + e.electionDay() + "）");
    }
    if (reason.isEmpty()) {
      throw new InvalidInputException("reason", "请填写委托原因（如外出务工、因病不能到场）");
    }
    checkConsent(e, f.authorisedOn(), f.consentOn(), consentBy);
    Registered principal = registered(electionId, f.principalId(), "principalId", "委托人");
    Registered holder = registered(electionId, f.holderId(), "holderId", "受托人");
    repo.liveOfPrincipal(electionId, principal.registrationId())
        .ifPresent(
            x -> {
              throw new InvalidInputException(
                  "principalId",
                  "委托人"
                      + label(principal)
                      + "已委托"
                      + x.holder().name()
                      + "代为投票（"
                      + x.status().labelZh()
                      + "），同一选民只能委托一人；如需更换受托人，请先撤回原委托");
            });
    checkRules(e, principal, holder, f.written(), f.closeRelative());
    boolean valid = f.consentOn() != null || !consentRequired(e);
    VoterProxy.Status status = valid ? VoterProxy.Status.VALID : VoterProxy.Status.PENDING;
    long id =
        repo.insert(
            electionId,
            principal.registrationId(),
            holder.registrationId(),
            f.authorisedOn(),
            reason,
            f.written(),
            f.closeRelative(),
            relationship,
            f.consentOn(),
            consentBy,
            status,
            AccessService.currentUser(),
            clock.instant());
    log(
        e,
        "PROXY_RECORDED",
        "登记委托投票：委托人"
            + label(principal)
            + "委托"
            + label(holder)
            + "代为投票，委托日期"
            + f.authorisedOn()
            + "，原因："
            + reason
            + (f.consentOn() != null
                ? "；选举委员会于" + f.consentOn() + "同意（" + consentBy + "）"
                : "；" + status.labelZh()));
    return id;
  }

  /** Records the committee's consent to a pending proxy, checking the rules again. */
  @Transactional
  public void consent(
      long electionId, long proxyId, int version, LocalDate consentOn, String consentBy) {
    Election e = election(electionId, Permission.MANAGE);
    VoterProxy x = find(electionId, proxyId);
    if (x.status() != VoterProxy.Status.PENDING) {
      throw new IllegalStateException("这项委托投票" + x.status().labelZh() + "，不能再登记选举委员会同意");
    }
    String by = consentBy == null ? "" : consentBy.strip();
    if (consentOn == null) {
      throw new InvalidInputException("consentOn", "请填写选举委员会同意的日期");
    }
    checkConsent(e, x.authorisedOn(), consentOn, by);
    Registered principal = repo.byRegistration(x.principalRegistrationId()).orElseThrow();
    Registered holder = repo.byRegistration(x.holderRegistrationId()).orElseThrow();
    checkRules(e, principal, holder, x.written(), x.closeRelative(), proxyId);
    if (!repo.consent(proxyId, version, consentOn, by, clock.instant())) {
      throw new IllegalStateException("这项委托投票已被他人修改，请刷新页面后重试");
    }
    log(
        e,
        "PROXY_CONSENTED",
        "选举委员会于" + consentOn + "同意" + label(principal) + "委托" + label(holder) + "代为投票（" + by + "）");
  }

  /** Withdraws a proxy (撤回委托): needs {@code confirmed} and a reason. */
  @Transactional
  public void withdraw(
      long electionId, long proxyId, int version, String reason, boolean confirmed) {
    Election e = election(electionId, Permission.MANAGE);
    VoterProxy x = find(electionId, proxyId);
    if (x.status() == VoterProxy.Status.WITHDRAWN) {
      throw new IllegalStateException("这项委托投票已经撤回");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new InvalidInputException("reason", "请填写撤回委托的原因");
    }
    if (!confirmed) {
      throw new InvalidInputException("confirm", "撤回委托后不能恢复，须重新登记：请勾选确认后再提交");
    }
    if (!repo.withdraw(proxyId, version, why, clock.instant())) {
      throw new IllegalStateException("这项委托投票已被他人修改，请刷新页面后重试");
    }
    log(
        e,
        "PROXY_WITHDRAWN",
        "撤回委托投票：" + x.principal().name() + "委托" + x.holder().name() + "代为投票，原因：" + why);
  }

  /**
   * The principals a holder votes for (valid proxies), for check-in: registration ids with names.
   */
  @Transactional(readOnly = true)
  public Map<Long, String> votesHeldBy(long holderRegistrationId) {
    Map<Long, String> out = new java.util.LinkedHashMap<>();
    for (VoterProxy x : repo.validHeldBy(holderRegistrationId)) {
      out.put(x.principalRegistrationId(), x.principal().name());
    }
    return out;
  }

  private void checkConsent(Election e, LocalDate authorisedOn, LocalDate consentOn, String by) {
    if (consentOn == null) {
      if (!by.isEmpty()) {
        throw new InvalidInputException("consentOn", "填写了同意人，请同时填写选举委员会同意的日期");
      }
      return;
    }
    if (by.isEmpty()) {
      throw new InvalidInputException("consentBy", "请填写代表选举委员会同意的人（如选举委员会主任姓名）");
    }
    if (consentOn.isBefore(authorisedOn)) {
      throw new InvalidInputException(
          "consentOn", "选举委员会同意的日期（" + consentOn + "）不能早于委托日期（" + authorisedOn + "）");
    }
    if (e.electionDay() != null && consentOn.isAfter(e.electionDay())) {
      throw new InvalidInputException("consentOn", "选举委员会同意的日期不能晚于选举日（" + e.electionDay() + "）");
    }
  }

  private Registered registered(long electionId, String id, String field, String role) {
    String raw = id == null ? "" : id.strip();
    if (raw.isEmpty()) {
      throw new InvalidInputException(field, "请填写" + role + "的公民身份号码");
    }
    if (!ResidentIds.isValid(raw, LocalDate.now(clock))) {
      throw new InvalidInputException(
          field, role + "的公民身份号码（" + ResidentIds.mask(raw) + "）不是有效的18位公民身份号码");
    }
    String norm = ResidentIds.normalise(raw);
    return repo.byResidentId(electionId, norm)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field,
                    role
                        + "（"
                        + ResidentIds.mask(norm)
                        + "）不是本次选举选民名单上的选民：委托人和受托人都须为已登记的选民"
                        + "（《全国人民代表大会和地方各级人民代表大会选举法（2020）》第四十二条）"));
  }

  private void checkRules(
      Election e, Registered principal, Registered holder, boolean written, boolean relative) {
    checkRules(e, principal, holder, written, relative, null);
  }

  /**
   * Runs {@link RegisteredProxies#check} over the election's live proxies (in their order, except
   * {@code exceptId}) followed by this one, and throws the Chinese findings of this one if refused.
   */
  private void checkRules(
      Election e,
      Registered principal,
      Registered holder,
      boolean written,
      boolean relative,
      Long exceptId) {
    List<VoterProxy> live =
        repo.list(e.id()).stream()
            .filter(x -> x.status() != VoterProxy.Status.WITHDRAWN)
            .filter(x -> exceptId == null || x.id() != exceptId)
            .filter(x -> x.principalRegistrationId() != principal.registrationId())
            .toList();
    Map<String, Registration> register = new HashMap<>();
    List<RegisteredProxyRequest> requests = new ArrayList<>();
    for (VoterProxy x : live) {
      requests.add(
          new RegisteredProxyRequest(
              x.principal().residentId(), x.holder().residentId(), true, true, x.closeRelative()));
    }
    List<Registered> involved = new ArrayList<>(List.of(principal, holder));
    for (VoterProxy x : live) {
      repo.byRegistration(x.principalRegistrationId()).ifPresent(involved::add);
      repo.byRegistration(x.holderRegistrationId()).ifPresent(involved::add);
    }
    for (Registered r : involved) {
      register.put(ResidentIds.normalise(r.residentId()), registration(e, r));
    }
    RegisteredProxyRequest mine =
        new RegisteredProxyRequest(
            principal.residentId(), holder.residentId(), written, true, relative);
    requests.add(mine);
    int index = requests.size() - 1;
    RegisteredProxies.Result result =
        RegisteredProxies.check(elections.profile(e), requests, register);
    if (result.refused().contains(mine)) {
      String field = "requests[" + index + "]";
      throw new InvalidInputException(
          "holderId",
          result.findings().all().stream()
              .filter(fi -> fi.fields().stream().anyMatch(p -> p.startsWith(field)))
              .map(fi -> fi.messageZh() + "（" + fi.rule().citation().display() + "）")
              .collect(Collectors.joining("；")));
    }
    Optional<ProxyResult.Rejected> rejected =
        result.decision().outcome().rejected().stream()
            .filter(r -> r.request().principalId().equals(mine.principalId()))
            .findFirst();
    if (rejected.isPresent()) {
      String why =
          result.decision().trail().stream()
              .filter(s -> !s.passed() && Long.valueOf(index).equals(s.inputs().get("request")))
              .map(s -> explain(s, principal, holder))
              .collect(Collectors.joining("；"));
      throw new InvalidInputException("holderId", why);
    }
  }

  private static String explain(Step s, Registered principal, Registered holder) {
    String text = s.explanationZh() + "（" + s.rule().citation().display() + "）";
    if (s.code().contains("SAME")) {
      text += "：委托人登记在" + principal.districtZh() + "，受托人登记在" + holder.districtZh() + "，不是同一选区";
    } else if (s.code().contains("CAP")) {
      text += "：" + holder.name() + "已接受的委托已达上限，本项委托未登记";
    }
    return text;
  }

  private static Registration registration(Election e, Registered r) {
    return new Registration(
        r.residentId(),
        r.name(),
        new RegistrationPlace(
            Long.toString(e.id()),
            e.title(),
            Long.toString(r.districtId()),
            "第" + r.districtNumber() + "选区"),
        RegistrationBasis.HUKOU,
        null,
        "",
        "",
        r.registeredOn() == null ? LocalDate.of(2000, 1, 1) : r.registeredOn());
  }

  private static String label(Registered r) {
    return r.name() + "（选民证号 " + r.voterNo() + "，" + r.districtZh() + "）";
  }

  private void log(Election e, String action, String summary) {
    audit.append(AccessService.currentUser(), action, "election:" + e.id(), summary);
  }
}
