package com.ytempire.query.support;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExportsTest {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")" })
	void textThatStartsAFormulaIsPrefixed(String title) {
		String cell = Exports.cell(title);
		assertThat(cell).startsWith(title.contains("\"") ? "\"'" : "'");
		assertThat(unquote(cell)).isEqualTo("'" + title);
	}

	@Test
	void tabAndCarriageReturnArePrefixed() {
		assertThat(Exports.cell("\tcmd")).isEqualTo("'\tcmd");
		assertThat(Exports.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
	}

	@Test
	void prefixedTextIsStillQuotedAsCsvRequires() {
		assertThat(Exports.cell("=cmd|' /C calc'!A0, \"x\"")).isEqualTo("\"'=cmd|' /C calc'!A0, \"\"x\"\"\"");
		assertThat(Exports.cell("-a\nb")).isEqualTo("\"'-a\nb\"");
	}

	@Test
	void ordinaryTextIsUnchanged() {
		assertThat(Exports.cell("My channel")).isEqualTo("My channel");
		assertThat(Exports.cell("a = b - c")).isEqualTo("a = b - c");
		assertThat(Exports.cell("")).isEmpty();
		assertThat(Exports.cell(null)).isEmpty();
	}

	@Test
	void ordinaryQuotingStillWorks() {
		assertThat(Exports.cell("Export, \"quoted\"")).isEqualTo("\"Export, \"\"quoted\"\"\"");
		assertThat(Exports.cell("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void numbersStayNumbers() {
		assertThat(Exports.cell(-0.5)).isEqualTo("-0.5");
		assertThat(Exports.cell(new BigDecimal("-0.5"))).isEqualTo("-0.5");
		assertThat(Exports.cell(-42)).isEqualTo("-42");
		assertThat(Exports.cell(-42L)).isEqualTo("-42");
		assertThat(Exports.cell(100000)).isEqualTo("100000");
	}

	private static String unquote(String cell) {
		if (cell.startsWith("\"") && cell.endsWith("\"")) {
			return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
		}
		return cell;
	}

}
