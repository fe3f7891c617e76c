package com.ytempire.render.production;

import java.util.ArrayList;
import java.util.List;

import com.ytempire.render.content.Script;
import com.ytempire.render.content.VoiceOver;
import com.ytempire.render.encode.VideoFormat;
import com.ytempire.render.timeline.KenBurns;
import com.ytempire.render.timeline.Picture;
import com.ytempire.render.timeline.Scene;
import com.ytempire.render.timeline.Timeline;

/**
 * Lays a script's pictures over its voice: each scene starts when its narration starts,
 * and moves differently from its neighbours so consecutive scenes do not look alike.
 */
final class Storyboard {

	static final long CROSSFADE_MILLIS = 500;

	private static final List<KenBurns> MOVES = List.of(new KenBurns(1.0, 1.15, 0.5, 0.5, 0.55, 0.45),
			new KenBurns(1.15, 1.0, 0.45, 0.55, 0.5, 0.5), new KenBurns(1.05, 1.2, 0.4, 0.5, 0.6, 0.5),
			new KenBurns(1.2, 1.05, 0.6, 0.5, 0.4, 0.5));

	private Storyboard() {
	}

	static Timeline timeline(Script script, VoiceOver voice, List<Picture> images, VideoFormat format) {
		int count = script.scenes().size();
		if (voice.sceneMillis().size() != count || images.size() != count) {
			throw new IllegalArgumentException("script has " + count + " scenes but the voice has "
					+ voice.sceneMillis().size() + " parts and there are " + images.size() + " images");
		}
		List<Scene> scenes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// A scene lasts its narration plus the crossfade that overlaps the next
			// narration's start.
			long overlap = (i < count - 1) ? CROSSFADE_MILLIS : 0;
			long duration = voice.sceneMillis().get(i) + overlap;
			long crossfade = Math.min(overlap, duration / 2);
			scenes.add(new Scene(images.get(i), duration, MOVES.get(i % MOVES.size()), crossfade,
					script.scenes().get(i).caption()));
		}
		return new Timeline(format.width(), format.height(), VideoFormat.FPS, scenes);
	}

}
