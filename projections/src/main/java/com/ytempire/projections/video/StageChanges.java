package com.ytempire.projections.video;

import java.util.Map;

import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.VideoCancelledEvent;
import com.ytempire.api.video.VideoEvent;
import com.ytempire.api.video.VideoFailedEvent;
import com.ytempire.api.video.VideoHaltedEvent;
import com.ytempire.api.video.VideoPublishedEvent;
import com.ytempire.api.video.VideoRenderedEvent;
import com.ytempire.api.video.VideoScheduledEvent;
import com.ytempire.api.video.VideoStage;
import com.ytempire.api.video.VoiceOverReadyEvent;

/**
 * What the video events say about a video, for every projection that follows videos.
 */
public final class StageChanges {

	private StageChanges() {
	}

	private static final Map<Class<?>, VideoStage> STAGE_AFTER = Map.of(VideoScheduledEvent.class, VideoStage.SCHEDULED,
			ScriptReadyEvent.class, VideoStage.SCRIPT_READY, VoiceOverReadyEvent.class, VideoStage.VOICE_READY,
			ImagesReadyEvent.class, VideoStage.IMAGES_READY, RenderStartedEvent.class, VideoStage.RENDERING,
			VideoRenderedEvent.class, VideoStage.RENDERED, VideoPublishedEvent.class, VideoStage.PUBLISHED,
			VideoFailedEvent.class, VideoStage.FAILED, VideoCancelledEvent.class, VideoStage.CANCELLED,
			VideoHaltedEvent.class, VideoStage.HALTED);

	/** The stage a video is in after this event, or null if the event moves none. */
	public static VideoStage stageAfter(Object payload) {
		return STAGE_AFTER.get(payload.getClass());
	}

	/** The video a video event is about, or null for other events. */
	public static String videoId(Object payload) {
		return (payload instanceof VideoEvent event) ? event.videoId() : null;
	}

	/** The channel of a video event, or null for other events. */
	public static String channelId(Object payload) {
		return (payload instanceof VideoEvent event) ? event.channelId() : null;
	}

	/** Why a video left production, where the event says. */
	static String detail(Object payload) {
		if (payload instanceof VideoFailedEvent event) {
			return event.reason();
		}
		if (payload instanceof VideoCancelledEvent event) {
			return event.reason();
		}
		if (payload instanceof VideoHaltedEvent event) {
			return "cost " + event.totalCostMicros() + " micro-USD passed the cap of " + event.costCapMicros();
		}
		return null;
	}

}
