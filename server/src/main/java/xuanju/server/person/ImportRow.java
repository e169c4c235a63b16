package xuanju.server.person;

import xuanju.core.register.ResidentInput;

/**
 * One data row of an import file: its row number as Excel shows it (for a CSV file, the record
 * number counting the header as row 1), the 村/社区/单位, and the other columns as core input.
 */
record ImportRow(int rowNumber, String unit, ResidentInput input) {
  boolean isBlank() {
    return unit.isBlank() && input.isBlank();
  }
}
