package com.ytempire.render.compositor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import com.ytempire.render.timeline.Picture;

/**
 * Renders frames with the {@code compose} kernel (src/main/cuda/compose.cu, committed as
 * PTX). A scene's pyramid and caption are uploaded the first time a frame needs them; per
 * frame only the sampling parameters go up and the finished frame comes back.
 */
final class CudaCompositor implements Compositor {

	private static final int LAYER_INTS = 19;

	private static final int BLOCK = 16;

	private final CUcontext context = new CUcontext();

	private final CUmodule module = new CUmodule();

	private final CUfunction function = new CUfunction();

	private final CUdeviceptr params = new CUdeviceptr();

	private final Map<PreparedTimeline.PreparedScene, DeviceScene> uploaded = new HashMap<>();

	/** Scenes stay on the device only while their timeline renders. */
	private PreparedTimeline current;

	private CUdeviceptr frameBuffer;

	private long frameBytes;

	CudaCompositor() {
		JCudaDriver.setExceptionsEnabled(true);
		JCudaDriver.cuInit(0);
		CUdevice device = new CUdevice();
		JCudaDriver.cuDeviceGet(device, 0);
		JCudaDriver.cuDevicePrimaryCtxRetain(this.context, device);
		JCudaDriver.cuCtxSetCurrent(this.context);
		JCudaDriver.cuModuleLoadData(this.module, ptx());
		JCudaDriver.cuModuleGetFunction(this.function, this.module, "compose");
		JCudaDriver.cuMemAlloc(this.params, (2L * LAYER_INTS + 1) * Sizeof.INT);
	}

	@Override
	public synchronized void render(PreparedTimeline timeline, int frameIndex, int[] frame) {
		int width = timeline.timeline().width();
		int height = timeline.timeline().height();
		JCudaDriver.cuCtxSetCurrent(this.context);
		if (timeline != this.current) {
			freeScenes();
			this.current = timeline;
		}
		ensureFrameBuffer((long) width * height * Sizeof.INT);
		FramePlan plan = FramePlanner.plan(timeline, frameIndex);
		DeviceScene base = upload(timeline.scene(plan.base().sceneIndex()));
		DeviceScene over = plan.crossfading() ? upload(timeline.scene(plan.over().sceneIndex())) : base;
		int[] values = new int[2 * LAYER_INTS + 1];
		fill(values, 0, plan.base(), base);
		if (plan.crossfading()) {
			fill(values, LAYER_INTS, plan.over(), over);
			values[2 * LAYER_INTS] = plan.overWeight();
		}
		JCudaDriver.cuMemcpyHtoD(this.params, Pointer.to(values), (long) values.length * Sizeof.INT);
		Pointer arguments = Pointer.to(Pointer.to(this.frameBuffer), Pointer.to(new int[] { width }),
				Pointer.to(new int[] { height }), Pointer.to(this.params), Pointer.to(base.pyramid),
				Pointer.to(base.caption), Pointer.to(over.pyramid), Pointer.to(over.caption));
		JCudaDriver.cuLaunchKernel(this.function, (width + BLOCK - 1) / BLOCK, (height + BLOCK - 1) / BLOCK, 1, BLOCK,
				BLOCK, 1, 0, null, arguments, null);
		JCudaDriver.cuMemcpyDtoH(Pointer.to(frame), this.frameBuffer, (long) width * height * Sizeof.INT);
	}

	@Override
	public String description() {
		return "GPU (CUDA)";
	}

	@Override
	public synchronized void close() {
		JCudaDriver.cuCtxSetCurrent(this.context);
		freeScenes();
		if (this.frameBuffer != null) {
			JCudaDriver.cuMemFree(this.frameBuffer);
		}
		JCudaDriver.cuMemFree(this.params);
		JCudaDriver.cuModuleUnload(this.module);
	}

	private void freeScenes() {
		for (DeviceScene scene : this.uploaded.values()) {
			JCudaDriver.cuMemFree(scene.pyramid);
			JCudaDriver.cuMemFree(scene.caption);
		}
		this.uploaded.clear();
	}

	private void fill(int[] values, int at, LayerSampling layer, DeviceScene scene) {
		level(values, at, layer.fine(), scene);
		level(values, at + 7, layer.coarse(), scene);
		values[at + 14] = layer.coarseWeight();
		values[at + 15] = scene.captionX;
		values[at + 16] = scene.captionY;
		values[at + 17] = scene.captionWidth;
		values[at + 18] = scene.captionHeight;
	}

	private static void level(int[] values, int at, LevelSampling sampling, DeviceScene scene) {
		int[] shape = scene.levels.get(sampling.level());
		values[at] = shape[0];
		values[at + 1] = shape[1];
		values[at + 2] = shape[2];
		values[at + 3] = Float.floatToRawIntBits(sampling.originX());
		values[at + 4] = Float.floatToRawIntBits(sampling.stepX());
		values[at + 5] = Float.floatToRawIntBits(sampling.originY());
		values[at + 6] = Float.floatToRawIntBits(sampling.stepY());
	}

	private void ensureFrameBuffer(long bytes) {
		if (this.frameBuffer != null && this.frameBytes == bytes) {
			return;
		}
		if (this.frameBuffer != null) {
			JCudaDriver.cuMemFree(this.frameBuffer);
		}
		this.frameBuffer = new CUdeviceptr();
		JCudaDriver.cuMemAlloc(this.frameBuffer, bytes);
		this.frameBytes = bytes;
	}

	private DeviceScene upload(PreparedTimeline.PreparedScene scene) {
		return this.uploaded.computeIfAbsent(scene, (key) -> {
			MipPyramid pyramid = key.pyramid();
			List<int[]> levels = new ArrayList<>();
			int total = 0;
			for (int i = 0; i < pyramid.levelCount(); i++) {
				Picture level = pyramid.level(i);
				levels.add(new int[] { total, level.width(), level.height() });
				total += level.pixels().length;
			}
			CUdeviceptr pyramidPointer = new CUdeviceptr();
			JCudaDriver.cuMemAlloc(pyramidPointer, (long) total * Sizeof.INT);
			for (int i = 0; i < pyramid.levelCount(); i++) {
				int[] pixels = pyramid.level(i).pixels();
				JCudaDriver.cuMemcpyHtoD(pyramidPointer.withByteOffset((long) levels.get(i)[0] * Sizeof.INT),
						Pointer.to(pixels), (long) pixels.length * Sizeof.INT);
			}
			Picture caption = key.caption().image();
			CUdeviceptr captionPointer = new CUdeviceptr();
			JCudaDriver.cuMemAlloc(captionPointer, (long) caption.pixels().length * Sizeof.INT);
			JCudaDriver.cuMemcpyHtoD(captionPointer, Pointer.to(caption.pixels()),
					(long) caption.pixels().length * Sizeof.INT);
			return new DeviceScene(pyramidPointer, levels, captionPointer, key.caption().x(), key.caption().y(),
					caption.width(), caption.height());
		});
	}

	static byte[] ptx() {
		try (InputStream in = CudaCompositor.class.getResourceAsStream("compose.ptx")) {
			if (in == null) {
				throw new IllegalStateException("compose.ptx is missing from the classpath; run scripts/build-ptx.sh");
			}
			byte[] text = in.readAllBytes();
			// The driver reads the PTX as a C string.
			byte[] terminated = new byte[text.length + 1];
			System.arraycopy(text, 0, terminated, 0, text.length);
			return terminated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record DeviceScene(CUdeviceptr pyramid, List<int[]> levels, CUdeviceptr caption, int captionX, int captionY,
			int captionWidth, int captionHeight) {
	}

}
