package com.ytempire.render.content;

/** Writes a video's script for its brief, sized by the brief's {@link ScriptPlan}. */
public interface ScriptWriter {

	Priced<Script> write(Brief brief);

}
