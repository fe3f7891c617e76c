package com.ytempire.render.compositor;

/**
 * What the GPU probe found.
 *
 * @param available whether a CUDA device and driver answered
 * @param detail the device's name when available, otherwise why not
 */
public record GpuStatus(boolean available, String detail) {
}
