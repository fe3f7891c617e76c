package com.ytempire.render.production;

import java.util.List;

import com.ytempire.render.content.ProviderCost;
import com.ytempire.render.content.VoiceOver;

/**
 * A script's voice-over fitted to the video's length, with the cost of every time it was
 * spoken: a narration trimmed to fit is paid for twice.
 */
public record SpokenScript(VoiceOver voiceOver, List<ProviderCost> costs) {

	public SpokenScript {
		costs = List.copyOf(costs);
	}

}
