package org.w3id.newsgraph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+cmd|'+cmd",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "'quoted|''quoted",
        "''=x|'''=x",
        "-12|-12",
        "+3.5|+3.5",
        "Quetta|Quetta",
        "'abc|''abc"
      })
  void neutralisesFormulaCells(String value, String cell) {
    assertEquals(cell, SpreadsheetCell.encode(value));
    assertEquals(value, SpreadsheetCell.decode(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\tx", "\rx", "=", "-", "'", "''", "'=", "a'b", "x=y", ""})
  void everyValueReadsBack(String value) {
    assertEquals(value, SpreadsheetCell.decode(SpreadsheetCell.encode(value)));
  }
}
