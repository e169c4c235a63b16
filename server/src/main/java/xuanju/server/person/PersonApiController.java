package xuanju.server.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The person register API (居民名册接口): search (ID numbers masked) and the all-or-nothing import (422
 * with the row errors when anything is wrong). Access is checked by the services.
 */
@RestController
@RequestMapping("/api/people")
@Tag(name = "people", description = "居民名册：查询、导入")
class PersonApiController {
  private final PersonService people;
  private final PersonImportService imports;

  PersonApiController(PersonService people, PersonImportService imports) {
    this.people = people;
    this.imports = imports;
  }

  /** A person in a list: the ID number masked. */
  record PersonSummary(
      long id,
      long organisationId,
      String unit,
      String group,
      String household,
      String name,
      String residentIdMasked,
      String gender,
      LocalDate birthDate,
      String ethnicity,
      String politicalStatus,
      String occupation,
      List<String> tags,
      LocalDate diedOn) {
    static PersonSummary of(Person p) {
      return new PersonSummary(
          p.id(),
          p.organisationId(),
          p.unit(),
          p.group(),
          p.household(),
          p.name(),
          p.maskedResidentId(),
          p.gender().labelZh(),
          p.birthDate(),
          p.ethnicity(),
          p.politicalStatus() == null ? null : p.politicalStatus().labelZh(),
          p.occupation() == null ? null : p.occupation().labelZh(),
          p.tags(),
          p.diedOn());
    }
  }

  /** A page of the register. */
  record PersonPage(long matching, int page, int size, List<PersonSummary> people) {}

  @GetMapping
  @Operation(summary = "查询居民名册（按村/社区/单位、居民小组、姓氏笔画排序；公民身份号码脱敏）")
  PersonPage list(
      @Parameter(description = "组织编号；不填则查询有权查看的全部组织") @RequestParam(required = false) Long org,
      @Parameter(description = "姓名、公民身份号码开头（至少4位）、村/社区/单位或户号（精确）") @RequestParam(defaultValue = "")
          String q,
      @Parameter(description = "村/社区/单位（精确）") @RequestParam(defaultValue = "") String unit,
      @Parameter(description = "居民小组（精确）") @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    int s = Math.max(1, Math.min(500, size));
    PersonQuery query = new PersonQuery(org == null ? null : Set.of(org), q, unit, group);
    return new PersonPage(
        people.count(query),
        Math.max(0, page),
        s,
        people.page(query, page, s).stream().map(PersonSummary::of).toList());
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "从 .xlsx 或 .csv 导入居民名册",
      description =
          "全部行无误才写入（一个事务）；有错误时返回 422 和逐行错误，数据库不变。已在本组织名册中的居民按公民身份号码更新；" + "已在其他组织名册中的居民不能导入。")
  ResponseEntity<PersonImportReport> importFile(
      @RequestParam long org, @RequestPart("file") MultipartFile file) throws IOException {
    PersonImportReport report;
    try (var in = file.getInputStream()) {
      report = imports.importFile(org, file.getOriginalFilename(), in, file.getSize());
    }
    return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }
}
