package com.ytempire.render.compositor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CompositorsTest {

	private static final GpuStatus NO_GPU = new GpuStatus(false, "UnsatisfiedLinkError: libcuda.so.1");

	private static final GpuStatus A_GPU = new GpuStatus(true, "Test GPU");

	@Test
	void offAlwaysRendersOnTheCpu() {
		try (Compositor compositor = Compositors.select(GpuMode.OFF, () -> A_GPU, FakeGpu::new)) {
			assertThat(compositor).isInstanceOf(CpuCompositor.class);
		}
	}

	@Test
	void autoFallsBackToTheCpuWithoutAGpu() {
		try (Compositor compositor = Compositors.select(GpuMode.AUTO, () -> NO_GPU, FakeGpu::new)) {
			assertThat(compositor).isInstanceOf(CpuCompositor.class);
		}
	}

	@Test
	void autoFallsBackToTheCpuWhenTheKernelFailsToLoad() {
		try (Compositor compositor = Compositors.select(GpuMode.AUTO, () -> A_GPU, () -> {
			throw new UnsatisfiedLinkError("no PTX JIT");
		})) {
			assertThat(compositor).isInstanceOf(CpuCompositor.class);
		}
	}

	@Test
	void autoAndRequireTakeTheGpuWhenThereIsOne() {
		assertThat(Compositors.select(GpuMode.AUTO, () -> A_GPU, FakeGpu::new)).isInstanceOf(FakeGpu.class);
		assertThat(Compositors.select(GpuMode.REQUIRE, () -> A_GPU, FakeGpu::new)).isInstanceOf(FakeGpu.class);
	}

	@Test
	void requireFailsClearlyWithoutAGpu() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Compositors.select(GpuMode.REQUIRE, () -> NO_GPU, FakeGpu::new))
			.withMessage("gpu=require but no usable GPU: UnsatisfiedLinkError: libcuda.so.1");
		assertThatIllegalStateException().isThrownBy(() -> Compositors.select(GpuMode.REQUIRE, () -> A_GPU, () -> {
			throw new IllegalStateException("out of memory");
		})).withMessageStartingWith("gpu=require but the GPU compositor failed to start");
	}

	@Test
	void gpuSettingIsParsedLeniently() {
		assertThat(GpuMode.parse(" Auto ")).isEqualTo(GpuMode.AUTO);
		assertThat(GpuMode.parse("require")).isEqualTo(GpuMode.REQUIRE);
		assertThatIllegalArgumentException().isThrownBy(() -> GpuMode.parse("sometimes"))
			.withMessage("gpu must be one of auto, off, require; got 'sometimes'");
	}

	@Test
	void probeAnswersOnceWithoutThrowing() {
		GpuStatus status = GpuProbe.status();
		assertThat(GpuProbe.status()).isSameAs(status);
		assertThat(status.detail()).isNotBlank();
		try (Compositor compositor = Compositors.select(GpuMode.AUTO)) {
			assertThat(compositor.description()).startsWith(status.available() ? "GPU" : "CPU");
		}
	}

	private static final class FakeGpu implements Compositor {

		@Override
		public void render(PreparedTimeline timeline, int frameIndex, int[] frame) {
		}

		@Override
		public String description() {
			return "fake GPU";
		}

		@Override
		public void close() {
		}

	}

}
