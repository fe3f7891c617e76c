package com.ytempire.render.content;

/**
 * How big a script for a brief should be: how many scenes and how many spoken words, so
 * the narration fits the video's length. Every writer plans with it, and the voice step
 * fits what was really spoken.
 *
 * @param wordsPerScene each scene's share of the narration
 */
public record ScriptPlan(int scenes, int wordsPerScene) {

	/** Narration is spoken at about this pace, 150 words a minute. */
	static final double WORDS_PER_SECOND = 2.5;

	/** About one picture every eight seconds keeps a narrated explainer moving. */
	private static final int SECONDS_PER_SCENE = 8;

	private static final int MIN_SCENES = 3;

	private static final int MAX_SCENES = 40;

	/**
	 * The narration is planned short of the target: a slower voice still fits, and the
	 * voice step holds the pictures for the rest.
	 */
	private static final double PLANNED_SHARE = 0.9;

	/** The pause voices leave after each scene's narration. */
	private static final double PAUSE_SECONDS = 0.4;

	public static ScriptPlan of(Brief brief) {
		int seconds = brief.targetLengthSeconds();
		int scenes = Math.max(MIN_SCENES, Math.min(MAX_SCENES, Math.round((float) seconds / SECONDS_PER_SCENE)));
		double speaking = seconds * PLANNED_SHARE - scenes * PAUSE_SECONDS;
		return new ScriptPlan(scenes, Math.max(1, (int) (speaking * WORDS_PER_SECOND / scenes)));
	}

	public int words() {
		return this.scenes * this.wordsPerScene;
	}

}
