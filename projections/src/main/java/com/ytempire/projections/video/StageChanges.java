package com.ytempire.projections.video;

import com.ytempire.api.video.CostRecordedEvent;
import com.ytempire.api.video.ImagesReadyEvent;
import com.ytempire.api.video.RenderStartedEvent;
import com.ytempire.api.video.ScriptReadyEvent;
import com.ytempire.api.video.VideoCancelledEvent;
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

	/** The stage a video is in after this event, or null if the event moves none. */
	public static VideoStage stageAfter(Object payload) {
		if (payload instanceof VideoScheduledEvent) {
			return VideoStage.SCHEDULED;
		}
		if (payload instanceof ScriptReadyEvent) {
			return VideoStage.SCRIPT_READY;
		}
		if (payload instanceof VoiceOverReadyEvent) {
			return VideoStage.VOICE_READY;
		}
		if (payload instanceof ImagesReadyEvent) {
			return VideoStage.IMAGES_READY;
		}
		if (payload instanceof RenderStartedEvent) {
			return VideoStage.RENDERING;
		}
		if (payload instanceof VideoRenderedEvent) {
			return VideoStage.RENDERED;
		}
		if (payload instanceof VideoPublishedEvent) {
			return VideoStage.PUBLISHED;
		}
		if (payload instanceof VideoFailedEvent) {
			return VideoStage.FAILED;
		}
		if (payload instanceof VideoCancelledEvent) {
			return VideoStage.CANCELLED;
		}
		if (payload instanceof VideoHaltedEvent) {
			return VideoStage.HALTED;
		}
		return null;
	}

	/** The video a video event is about, or null for other events. */
	public static String videoId(Object payload) {
		if (payload instanceof VideoScheduledEvent event) {
			return event.videoId();
		}
		if (payload instanceof ScriptReadyEvent event) {
			return event.videoId();
		}
		if (payload instanceof VoiceOverReadyEvent event) {
			return event.videoId();
		}
		if (payload instanceof ImagesReadyEvent event) {
			return event.videoId();
		}
		if (payload instanceof RenderStartedEvent event) {
			return event.videoId();
		}
		if (payload instanceof VideoRenderedEvent event) {
			return event.videoId();
		}
		if (payload instanceof VideoPublishedEvent event) {
			return event.videoId();
		}
		if (payload instanceof VideoFailedEvent event) {
			return event.videoId();
		}
		if (payload instanceof VideoCancelledEvent event) {
			return event.videoId();
		}
		if (payload instanceof VideoHaltedEvent event) {
			return event.videoId();
		}
		if (payload instanceof CostRecordedEvent event) {
			return event.videoId();
		}
		return null;
	}

	/** The channel of a video event, or null for other events. */
	public static String channelId(Object payload) {
		if (payload instanceof VideoScheduledEvent event) {
			return event.channelId();
		}
		if (payload instanceof ScriptReadyEvent event) {
			return event.channelId();
		}
		if (payload instanceof VoiceOverReadyEvent event) {
			return event.channelId();
		}
		if (payload instanceof ImagesReadyEvent event) {
			return event.channelId();
		}
		if (payload instanceof RenderStartedEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoRenderedEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoPublishedEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoFailedEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoCancelledEvent event) {
			return event.channelId();
		}
		if (payload instanceof VideoHaltedEvent event) {
			return event.channelId();
		}
		if (payload instanceof CostRecordedEvent event) {
			return event.channelId();
		}
		return null;
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
