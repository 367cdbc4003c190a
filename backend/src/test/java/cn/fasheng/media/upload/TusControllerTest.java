package cn.fasheng.media.upload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TusControllerTest {

    @Test
    void metadataIsReadAsTusEncodesIt() {
        // tus-js-client: "filename 5pmu5rOV5b6u6KeG6aKRLm1wNA==,kind VklERU8=,empty"
        assertThat(TusController.metadata("filename 5pmu5rOV5b6u6KeG6aKRLm1wNA==,kind VklERU8=,empty"))
                .containsEntry("filename", "普法微视频.mp4").containsEntry("kind", "VIDEO").containsEntry("empty", "");
        assertThat(TusController.metadata(null)).isEmpty();
    }
}
