package xuanju.server.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import xuanju.core.rule.InvalidInputException;
import xuanju.server.card.CardFixture.Voter;
import xuanju.server.documents.PdfDocument;
import xuanju.server.election.ElectionKind;
import xuanju.server.election.ElectionService;
import xuanju.server.organisation.OrganisationService;
import xuanju.server.proxy.ProxyService;
import xuanju.server.proxy.VoterProxy;
import xuanju.server.support.SignIn;
import xuanju.server.voting.CheckInService;

/**
 * Station assignment, voter cards with their QR codes, the mobile box 登记册, proxies under the core
 * rules and the check-in look-up, on every supported database ({@link CardH2Test}, {@link
 * CardPostgresTest}).
 */
interface CardContract {
  ApplicationContext ctx();

  private <T> T bean(Class<T> type) {
    return ctx().getBean(type);
  }

  private static <T> T asAdmin(Supplier<T> s) {
    Object[] out = new Object[1];
    SignIn.as("admin", true, () -> out[0] = s.get());
    @SuppressWarnings("unchecked")
    T t = (T) out[0];
    return t;
  }

  private CardFixture fixture() {
    return CardFixture.election(
        bean(OrganisationService.class),
        bean(ElectionService.class),
        bean(JdbcTemplate.class),
        ElectionKind.TOWN_PEOPLES_CONGRESS);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  private static List<String> qrCodes(byte[] pdf, int page) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      BufferedImage img = new PDFRenderer(d).renderImageWithDPI(page, 150, ImageType.GRAY);
      Result[] found =
          new QRCodeMultiReader()
              .decodeMultiple(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                  Map.of(DecodeHintType.TRY_HARDER, true));
      return java.util.Arrays.stream(found).map(Result::getText).toList();
    }
  }

  @Test
  default void stationsAreAssignedByGroupAndOneByOneAndCounted() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    long hall = f.station(d1, "东营子村委会投票站", false);
    long school = f.station(d1, "东营子小学投票站", false);
    long mobile = f.station(d1, "东营子流动票箱", true);
    f.voters(d1, "东营子村", "一组", 6, 1, 0);
    List<Voter> two = f.voters(d1, "东营子村", "二组", 4, 7, 6);
    CardService cards = bean(CardService.class);

    assertThat(asAdmin(() -> cards.assignGroup(f.electionId, d1, "东营子村", "一组", hall, true)))
        .isEqualTo(6);
    assertThat(asAdmin(() -> cards.assignGroup(f.electionId, d1, "东营子村", "", school, true)))
        .isEqualTo(4);
    SignIn.as("admin", true, () -> cards.assignOne(f.electionId, d1, two.get(0).voterNo(), mobile));
    CardService.Overview o = asAdmin(() -> cards.overview(f.electionId, d1));
    Map<Long, Long> counts = new java.util.HashMap<>();
    o.stations().forEach(s -> counts.put(s.id(), s.assigned()));
    assertThat(counts).containsEntry(hall, 6L).containsEntry(school, 3L).containsEntry(mobile, 1L);
    assertThat(o.unassigned()).isZero();
    assertThat(o.listed()).isEqualTo(10);

    // a station of another district is refused and nothing changes
    long d2 = f.district(2, "西营子村");
    long other = f.station(d2, "西营子投票站", false);
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> cards.assignGroup(f.electionId, d1, "东营子村", "一组", other, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不属于第1选区");
    assertThat(asAdmin(() -> cards.overview(f.electionId, d1)).stations())
        .filteredOn(s -> s.id() == hall)
        .extracting(CardRepository.Station::assigned)
        .containsExactly(6L);
    // an unknown group names the district and the group
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> cards.assignGroup(f.electionId, d1, "东营子村", "九组", hall, false)))
        .hasMessageContaining("「东营子村 九组」没有在册选民");
  }

  @Test
  default void cardsCarryNamesNumbersAndAQrCodeTheLookUpAccepts() throws Exception {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    long hall = f.station(d1, "东营子村委会投票站", false);
    List<Voter> voters = f.voters(d1, "东营子村", "一组", 12, 1, 0);
    CardService cards = bean(CardService.class);
    SignIn.as("admin", true, () -> cards.assignGroup(f.electionId, d1, "东营子村", "", hall, false));

    PdfDocument.Result pdf = asAdmin(() -> cards.cards(f.electionId, d1, null));
    assertThat(pdf.pageCount()).isEqualTo(2); // 10 per sheet
    String text = text(pdf.pdf());
    for (Voter v : voters) {
      assertThat(text).contains(v.name());
      assertThat(text).doesNotContain(v.residentId());
    }
    assertThat(text).contains("选民证号：12").contains("第1选区（东营子村）").contains("东营子村委会投票站");

    List<String> codes = qrCodes(pdf.pdf(), 0);
    assertThat(codes).hasSize(10);
    VoterCardToken tokens = bean(VoterCardToken.class);
    Set<Integer> numbers = new HashSet<>();
    for (String c : codes) {
      assertThat(c).doesNotContain(voters.get(0).residentId().substring(0, 6) + "19");
      var card = tokens.decode(c).orElseThrow();
      assertThat(card.electionId()).isEqualTo(f.electionId);
      assertThat(card.districtId()).isEqualTo(d1);
      numbers.add(card.voterNo());
    }
    assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(qrCodes(pdf.pdf(), 1)).hasSize(2);

    // the scanned code finds the voter
    VoterLookupService lookup = bean(VoterLookupService.class);
    String seventh = tokens.encode(f.electionId, d1, 7);
    assertThat(codes).contains(seventh);
    VoterLookupService.Result r = asAdmin(() -> lookup.lookup(f.electionId, null, seventh));
    assertThat(r.by()).isEqualTo("QR");
    assertThat(r.voters())
        .extracting(VoterLookupService.Hit::name)
        .containsExactly(voters.get(6).name());
    assertThat(r.voters().get(0).station()).isEqualTo("东营子村委会投票站");

    // printing per station gives the same cards
    PdfDocument.Result byStation = asAdmin(() -> cards.cards(f.electionId, null, hall));
    assertThat(byStation.pageCount()).isEqualTo(2);
  }

  @Test
  default void aTamperedOrForeignQrCodeIsRefused() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    f.voters(d1, "东营子村", "一组", 3, 1, 0);
    VoterCardToken tokens = bean(VoterCardToken.class);
    VoterLookupService lookup = bean(VoterLookupService.class);
    String good = tokens.encode(f.electionId, d1, 2);
    assertThat(asAdmin(() -> lookup.lookup(f.electionId, null, good)).voters()).hasSize(1);

    // another voter number with the old mac
    String[] parts = good.split("-");
    String otherNo = parts[0] + "-" + parts[1] + "-" + parts[2] + "-3-" + parts[4];
    // one character of the mac changed
    char last = parts[4].charAt(15);
    String badMac = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
    for (String bad : List.of(otherNo, badMac, "XJ1-1-1-1", "张三", good + "X")) {
      assertThatThrownBy(
              () -> SignIn.as("admin", true, () -> lookup.lookup(f.electionId, null, bad)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("二维码无效");
    }
    // a valid card of another election
    CardFixture g = fixture();
    long gd = g.district(1, "西营子村");
    g.voters(gd, "西营子村", "", 1, 1, 0);
    String foreign = tokens.encode(g.electionId, gd, 1);
    assertThatThrownBy(
            () -> SignIn.as("admin", true, () -> lookup.lookup(f.electionId, null, foreign)))
        .hasMessageContaining("不是本次选举");
  }

  @Test
  default void lookUpByNameIdNumberAndPrefix() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    List<Voter> voters = f.voters(d1, "东营子村", "一组", 5, 1, 0);
    VoterLookupService lookup = bean(VoterLookupService.class);
    Voter v = voters.get(3);

    var byName = asAdmin(() -> lookup.lookup(f.electionId, v.name(), null));
    assertThat(byName.by()).isEqualTo("NAME");
    assertThat(byName.voters()).extracting(VoterLookupService.Hit::voterNo).containsExactly(4);
    assertThat(byName.voters().get(0).maskedId())
        .startsWith(v.residentId().substring(0, 4))
        .doesNotContain(v.residentId().substring(6, 14));

    var byId = asAdmin(() -> lookup.lookup(f.electionId, v.residentId(), null));
    assertThat(byId.by()).isEqualTo("ID");
    assertThat(byId.voters()).extracting(VoterLookupService.Hit::name).containsExactly(v.name());

    var prefix = asAdmin(() -> lookup.lookup(f.electionId, v.name().substring(0, 2), null));
    assertThat(prefix.by()).isEqualTo("NAME_PREFIX");
    assertThat(prefix.voters()).extracting(VoterLookupService.Hit::name).contains(v.name());

    // a voter of another election is not found
    CardFixture g = fixture();
    assertThat(asAdmin(() -> lookup.lookup(g.electionId, v.residentId(), null)).voters()).isEmpty();
    assertThatThrownBy(
            () -> SignIn.as("admin", true, () -> lookup.lookup(f.electionId, "1234", null)))
        .hasMessageContaining("18位");
  }

  @Test
  default void lookUpAnswersEachHitsProxiesAndCheckIn() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    long d2 = f.district(2, "西营子村");
    // the same three names in both districts (different people): each name finds two voters
    List<Voter> one = f.voters(d1, "东营子村", "一组", 4, 1, 0);
    List<Voter> two = f.voters(d2, "西营子村", "", 3, 1, 0);
    ProxyService proxies = bean(ProxyService.class);
    LocalDate today = LocalDate.now();
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(one.get(2), one.get(0), today)));
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(one.get(1), one.get(0), today)));
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(two.get(1), two.get(0), today)));
    // pending (no consent yet) and withdrawn proxies do not count
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(two.get(2), two.get(0), null)));
    long withdrawn =
        asAdmin(() -> proxies.record(f.electionId, form(one.get(3), one.get(0), today)));
    SignIn.as(
        "admin",
        true,
        () ->
            proxies.withdraw(
                f.electionId,
                withdrawn,
                asAdmin(() -> proxies.get(f.electionId, withdrawn)).version(),
                "本人回村",
                true));
    asAdmin(
        () ->
            bean(CheckInService.class)
                .checkIn(f.electionId, 1, VoterKeys.key(two.get(0).registrationId())));
    VoterLookupService lookup = bean(VoterLookupService.class);

    var holders = asAdmin(() -> lookup.lookup(f.electionId, one.get(0).name(), null)).voters();
    assertThat(holders)
        .extracting(VoterLookupService.Hit::registrationId)
        .containsExactly(one.get(0).registrationId(), two.get(0).registrationId());
    assertThat(holders.get(0).holds())
        .containsExactly(one.get(1).name() + "（选民证号 2）", one.get(2).name() + "（选民证号 3）");
    assertThat(holders.get(1).holds()).containsExactly(two.get(1).name() + "（选民证号 2）");
    assertThat(holders).extracting(VoterLookupService.Hit::checkedIn).containsExactly(false, true);
    assertThat(holders).extracting(VoterLookupService.Hit::delegatedTo).containsOnlyNulls();
    assertThat(holders.get(1).key()).isEqualTo(VoterKeys.key(two.get(0).registrationId()));
    assertThat(holders.get(1).district()).isEqualTo("第2选区（西营子村）");

    var second = asAdmin(() -> lookup.lookup(f.electionId, one.get(1).name(), null)).voters();
    assertThat(second)
        .extracting(VoterLookupService.Hit::delegatedTo)
        .containsExactly(one.get(0).name(), two.get(0).name());
    // the holder checked in for the principal too
    assertThat(second).extracting(VoterLookupService.Hit::checkedIn).containsExactly(false, true);
    assertThat(second).allSatisfy(h -> assertThat(h.holds()).isEmpty());
    var third = asAdmin(() -> lookup.lookup(f.electionId, one.get(2).name(), null)).voters();
    assertThat(third)
        .extracting(VoterLookupService.Hit::delegatedTo)
        .containsExactly(one.get(0).name(), null);
    var fourth = asAdmin(() -> lookup.lookup(f.electionId, one.get(3).residentId(), null)).voters();
    assertThat(fourth).singleElement().satisfies(h -> assertThat(h.delegatedTo()).isNull());
    // the scanned card answers the same
    String card = bean(VoterCardToken.class).encode(f.electionId, d1, 1);
    assertThat(asAdmin(() -> lookup.lookup(f.electionId, null, card)).voters())
        .singleElement()
        .isEqualTo(holders.get(0));
  }

  @Test
  default void lookUpIsLimitedAndTakesAPrefixLiterally() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    for (int no = 1; no <= VoterLookupService.LIMIT + 2; no++) {
      f.voters(d1, "东营子村", "一组", 1, no, 0); // all with the same name
    }
    f.voters(d1, "东营子村", "二组", 1, 30, 5);
    String name = f.voters(d1, "东营子村", "二组", 1, 31, 0).get(0).name();
    VoterLookupService lookup = bean(VoterLookupService.class);
    var exact = asAdmin(() -> lookup.lookup(f.electionId, name, null));
    assertThat(exact.by()).isEqualTo("NAME");
    assertThat(exact.voters())
        .extracting(VoterLookupService.Hit::voterNo)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, VoterLookupService.LIMIT).boxed().toList());
    var prefix =
        asAdmin(() -> lookup.lookup(f.electionId, name.substring(0, name.length() - 1), null));
    assertThat(prefix.by()).isEqualTo("NAME_PREFIX");
    assertThat(prefix.voters()).hasSize(VoterLookupService.LIMIT);
    assertThat(prefix.voters().get(0).voterNo()).isEqualTo(1);
    // LIKE wildcards are plain characters
    for (String wild : List.of("%", "_", "\\", name.substring(0, 1) + "%")) {
      var none = asAdmin(() -> lookup.lookup(f.electionId, wild, null));
      assertThat(none.by()).isEqualTo("NAME_PREFIX");
      assertThat(none.voters()).as(wild).isEmpty();
    }
  }

  private static ProxyService.Form form(Voter principal, Voter holder, LocalDate consentOn) {
    return new ProxyService.Form(
        principal.residentId(),
        holder.residentId(),
        LocalDate.now(),
        "外出务工",
        true,
        false,
        "",
        consentOn,
        consentOn == null ? "" : "选举委员会主任 王某");
  }

  private long proxies(long electionId) {
    Long n =
        bean(JdbcTemplate.class)
            .queryForObject(
                "SELECT COUNT(*) FROM voter_proxy WHERE election_id = ?", Long.class, electionId);
    return n == null ? 0 : n;
  }

  @Test
  default void proxiesAreCappedPerHolderAndKeptWithinTheDistrict() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    long d2 = f.district(2, "西营子村");
    List<Voter> one = f.voters(d1, "东营子村", "一组", 6, 1, 0);
    List<Voter> two = f.voters(d2, "西营子村", "", 1, 1, 6);
    ProxyService proxies = bean(ProxyService.class);
    Voter holder = one.get(0);
    LocalDate today = LocalDate.now();
    for (int i = 1; i <= 3; i++) {
      Voter p = one.get(i);
      SignIn.as("admin", true, () -> proxies.record(f.electionId, form(p, holder, today)));
    }
    assertThat(proxies(f.electionId)).isEqualTo(3);

    // the fourth for the same holder: refused with the cap rule, nothing saved
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> proxies.record(f.electionId, form(one.get(4), holder, today))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("每一选民接受的委托不得超过三人")
        .hasMessageContaining("第四十二条");
    assertThat(proxies(f.electionId)).isEqualTo(3);

    // a holder of another district: refused with the same-district rule
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> proxies.record(f.electionId, form(two.get(0), one.get(5), today))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不是同一选区");
    assertThat(proxies(f.electionId)).isEqualTo(3);

    // a principal with a live proxy cannot give a second one; the holder may not be the principal
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> proxies.record(f.electionId, form(one.get(1), one.get(5), today))))
        .hasMessageContaining("同一选民只能委托一人");
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () -> proxies.record(f.electionId, form(one.get(5), one.get(5), today))))
        .hasMessageContaining("同一人");

    // withdrawal needs the confirmation; afterwards the holder has room for another
    VoterProxy first = asAdmin(() -> proxies.list(f.electionId)).get(0);
    assertThatThrownBy(
            () ->
                SignIn.as(
                    "admin",
                    true,
                    () ->
                        proxies.withdraw(f.electionId, first.id(), first.version(), "本人回村", false)))
        .hasMessageContaining("确认");
    SignIn.as(
        "admin",
        true,
        () -> proxies.withdraw(f.electionId, first.id(), first.version(), "本人回村", true));
    SignIn.as("admin", true, () -> proxies.record(f.electionId, form(one.get(4), holder, null)));
    List<VoterProxy> all = asAdmin(() -> proxies.list(f.electionId));
    assertThat(all)
        .extracting(VoterProxy::status)
        .containsExactly(
            VoterProxy.Status.WITHDRAWN,
            VoterProxy.Status.VALID,
            VoterProxy.Status.VALID,
            VoterProxy.Status.PENDING);
    // the committee's consent makes it valid
    VoterProxy pending = all.get(3);
    SignIn.as(
        "admin",
        true,
        () -> proxies.consent(f.electionId, pending.id(), pending.version(), today, "主任 王某"));
    assertThat(asAdmin(() -> proxies.get(f.electionId, pending.id())).status())
        .isEqualTo(VoterProxy.Status.VALID);
    // the 委托书 names both
    String letter =
        asAdmin(() -> proxies.letter(f.electionId, pending.id(), "选举委员会")).blocks().toString();
    assertThat(letter).contains(one.get(4).name()).contains(holder.name()).contains("主任 王某");
  }

  @Test
  default void theRegisterIsTheElectorateAndCheckInCountsProxyVotes() {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    List<Voter> one = f.voters(d1, "东营子村", "一组", 5, 1, 0);
    ProxyService proxies = bean(ProxyService.class);
    CheckInService voting = bean(CheckInService.class);
    LocalDate today = LocalDate.now();
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(one.get(1), one.get(0), today)));
    SignIn.as(
        "admin", true, () -> proxies.record(f.electionId, form(one.get(2), one.get(0), null)));

    assertThat(asAdmin(() -> voting.voters(f.electionId, 1)))
        .extracting(v -> v.name())
        .containsExactlyElementsOf(one.stream().map(Voter::name).toList());
    var quorum =
        asAdmin(() -> voting.checkIn(f.electionId, 1, VoterKeys.key(one.get(0).registrationId())));
    // the holder and the one valid proxy; the pending one does not count
    assertThat(quorum.expected()).isEqualTo(5);
    assertThat(quorum.present()).isEqualTo(2);
    assertThat(asAdmin(() -> voting.checkedIn(f.electionId, 1)))
        .containsExactlyInAnyOrder(one.get(0).name(), one.get(1).name());
    // the look-up shows it
    VoterLookupService lookup = bean(VoterLookupService.class);
    var hit = asAdmin(() -> lookup.lookup(f.electionId, one.get(1).name(), null)).voters().get(0);
    assertThat(hit.checkedIn()).isTrue();
    assertThat(hit.delegatedTo()).isEqualTo(one.get(0).name());
    var quorumAfterUndo =
        asAdmin(
            () -> voting.undoCheckIn(f.electionId, 1, VoterKeys.key(one.get(0).registrationId())));
    assertThat(quorumAfterUndo.present()).isZero();
  }

  @Test
  default void theMobileBoxRegisterBookListsItsVoters() throws Exception {
    CardFixture f = fixture();
    long d1 = f.district(1, "东营子村");
    long hall = f.station(d1, "东营子村委会投票站", false);
    long mobile = f.station(d1, "东营子流动票箱", true);
    List<Voter> one = f.voters(d1, "东营子村", "一组", 4, 1, 0);
    CardService cards = bean(CardService.class);
    SignIn.as("admin", true, () -> cards.assignOne(f.electionId, d1, 2, mobile));
    SignIn.as("admin", true, () -> cards.assignOne(f.electionId, d1, 4, mobile));
    byte[] pdf = PdfDocument.render(asAdmin(() -> cards.registerBook(f.electionId, mobile))).pdf();
    String text = text(pdf);
    assertThat(text).contains("流动票箱登记册").contains("选民签名").contains("共2人");
    assertThat(text).contains(one.get(1).name()).contains(one.get(3).name());
    assertThat(text).doesNotContain(one.get(0).name()).doesNotContain(one.get(1).residentId());
    assertThatThrownBy(() -> SignIn.as("admin", true, () -> cards.registerBook(f.electionId, hall)))
        .hasMessageContaining("不是流动票箱");
  }
}
