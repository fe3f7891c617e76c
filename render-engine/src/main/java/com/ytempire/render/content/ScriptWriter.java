package com.ytempire.render.content;

/** Writes a video's script from its topic. */
public interface ScriptWriter {

	Priced<Script> write(String topic);

}
