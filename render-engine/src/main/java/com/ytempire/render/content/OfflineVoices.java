package com.ytempire.render.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the best voice this machine offers with no network. */
public final class OfflineVoices {

	private static final Logger log = LoggerFactory.getLogger(OfflineVoices.class);

	private OfflineVoices() {
	}

	public static VoiceSynthesizer best(PriceTable prices) {
		if (EspeakVoiceSynthesizer.isInstalled()) {
			log.info("Narration voice: espeak-ng");
			return new EspeakVoiceSynthesizer(prices);
		}
		log.warn("espeak-ng is not installed: narration will be a {} track timed to the words; "
				+ "install espeak-ng for spoken narration", PlaceholderToneSynthesizer.VOICE);
		return new PlaceholderToneSynthesizer(prices);
	}

}
