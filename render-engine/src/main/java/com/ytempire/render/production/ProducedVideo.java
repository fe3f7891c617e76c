package com.ytempire.render.production;

import java.util.List;

import com.ytempire.api.video.MediaRef;
import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.Publication;

/**
 * Everything one production run made: the files (for the video's events) and what each
 * step cost.
 */
public record ProducedVideo(MediaRef video, List<MediaRef> images, long durationMillis, int width, int height,
		String voice, List<ProviderCost> costs, Publication publication) {

	public ProducedVideo {
		images = List.copyOf(images);
		costs = List.copyOf(costs);
	}

	public long totalMicroDollars() {
		return this.costs.stream().mapToLong(ProviderCost::microDollars).sum();
	}

}
