package com.ytempire.api.channel;

public enum ChannelStatus {

	ACTIVE, PAUSED, ARCHIVED

}
