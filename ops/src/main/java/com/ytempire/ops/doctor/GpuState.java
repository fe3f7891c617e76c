package com.ytempire.ops.doctor;

/**
 * The GPU as the renderer sees it on this machine: the application answers it with the
 * renderer's own probe and render path setting, which this module cannot import.
 *
 * @param enabled whether the setting lets renders use a GPU ({@code auto} or
 * {@code require})
 * @param required whether the service refuses to start without one ({@code require})
 * @param available whether the probe found a usable CUDA device
 * @param detail the device, or why there is none
 */
public record GpuState(boolean enabled, boolean required, boolean available, String detail) {
}
