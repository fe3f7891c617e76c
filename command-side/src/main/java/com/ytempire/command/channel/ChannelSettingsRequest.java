package com.ytempire.command.channel;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * All of a channel's settings at once (the body of a PUT).
 */
record ChannelSettingsRequest(@NotBlank @Size(max = 200) String niche, @Size(max = 200) String youtubeChannelRef,
		@NotNull @Min(1) @Max(1000) Integer dailyVideoQuota,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4,
				fraction = 6) BigDecimal costCapPerVideo,
		@NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 6) BigDecimal dailyBudget) {
}
