package com.ytempire.command.video;

import java.math.BigDecimal;

import com.ytempire.api.video.CostCategory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param costId the provider's id for the charge, which makes recording it again
 * harmless; one is made up when left out
 * @param amount dollars, at most six decimals
 */
record RecordCostRequest(@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String costId,
		@NotNull CostCategory category,
		@NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 6) BigDecimal amount,
		@NotBlank @Size(max = 100) String provider, @Min(0) Long units) {
}
