package com.ytempire.render.content;

/** Speaks a script's narration. */
public interface VoiceSynthesizer {

	Priced<VoiceOver> speak(Script script);

}
