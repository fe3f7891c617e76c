package com.ytempire.command.web;

import java.math.BigDecimal;

/**
 * Dollar amounts as clients write them ({@code 0.42}) and as events store them (whole
 * micro-dollars).
 */
public final class Money {

	private static final int MICROS_SCALE = 6;

	private Money() {
	}

	/**
	 * Bean Validation's {@code @Digits(fraction = 6)} has already refused finer amounts.
	 */
	public static long toMicros(BigDecimal dollars) {
		return dollars.movePointRight(MICROS_SCALE).longValueExact();
	}

}
