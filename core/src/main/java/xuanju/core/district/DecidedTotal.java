package xuanju.core.district;

import xuanju.core.rule.InvalidInputException;

/**
 * The total number of deputies decided by the county 人大常委会 (县级人大常委会决定的代表总名额), 选举法（2020）第十三条.
 *
 * @param seats the number decided, ≥ 1
 * @param document the decision, e.g. {@code XX旗人大常委会关于XX镇第十八届人民代表大会代表名额的决定（X人常发〔2021〕X号）}
 */
public record DecidedTotal(int seats, String document) {
  public DecidedTotal {
    if (seats < 1 || seats > 1000) {
      throw new InvalidInputException("seats", "决定的代表总名额应为1至1000之间的整数，实为" + seats);
    }
    if (document == null || document.isBlank()) {
      throw new InvalidInputException("document", "须写明县级人大常委会决定代表名额的文件");
    }
    document = document.strip();
  }
}
