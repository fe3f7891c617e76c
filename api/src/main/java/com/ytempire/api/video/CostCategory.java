package com.ytempire.api.video;

public enum CostCategory {

	SCRIPT, VOICE, IMAGES, RENDER, STORAGE, PUBLISH

}
