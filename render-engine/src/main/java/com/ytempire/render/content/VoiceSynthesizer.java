package com.ytempire.render.content;

/** Speaks a script's narration. */
public interface VoiceSynthesizer {

	Priced<VoiceOver> speak(Script script);

	/** Who speaks, as the voice's costs are recorded. */
	String name();

}
