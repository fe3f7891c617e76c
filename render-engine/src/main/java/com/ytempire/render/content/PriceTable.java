package com.ytempire.render.content;

import com.ytempire.api.video.CostCategory;

/**
 * Unit prices in micro-dollars. The offline defaults charge for the compute and storage
 * they use, so cost accounting is exercised even with no paid provider configured.
 */
public record PriceTable(long scriptPerThousandCharacters, long voicePerThousandCharacters, long perImage,
		long renderPerMinute, long perPublish) {

	public PriceTable {
		if (scriptPerThousandCharacters < 0 || voicePerThousandCharacters < 0 || perImage < 0 || renderPerMinute < 0
				|| perPublish < 0) {
			throw new IllegalArgumentException("prices cannot be negative");
		}
	}

	public static PriceTable offline() {
		return new PriceTable(100, 500, 1_000, 4_000, 200);
	}

	public ProviderCost script(int characters) {
		return new ProviderCost(CostCategory.SCRIPT, perThousand(this.scriptPerThousandCharacters, characters),
				characters + " characters");
	}

	public ProviderCost voice(int characters) {
		return new ProviderCost(CostCategory.VOICE, perThousand(this.voicePerThousandCharacters, characters),
				characters + " characters");
	}

	public ProviderCost image() {
		return new ProviderCost(CostCategory.IMAGES, this.perImage, "1 image");
	}

	public ProviderCost render(long durationMillis) {
		// Rounded up: a started minute of rendering is a paid minute.
		long cost = (this.renderPerMinute * durationMillis + 59_999) / 60_000;
		return new ProviderCost(CostCategory.RENDER, cost, durationMillis + " ms of video");
	}

	public ProviderCost publish() {
		return new ProviderCost(CostCategory.PUBLISH, this.perPublish, "1 upload");
	}

	private static long perThousand(long price, int units) {
		return (price * units + 999) / 1000;
	}

}
