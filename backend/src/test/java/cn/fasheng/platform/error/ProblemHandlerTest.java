package cn.fasheng.platform.error;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.platform.web.FrontendAssets;
import cn.fasheng.site.SiteProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

@WebFluxTest(controllers = ProblemHandlerTest.SampleController.class)
@Import({ProblemHandlerTest.SampleController.class, FrontendAssets.class})
@EnableConfigurationProperties({SiteProperties.class, cn.fasheng.platform.PlatformProperties.class})
@WithMockUser
class ProblemHandlerTest {

    record Sample(@NotBlank(message = "标题不能为空") String title) {
    }

    @RestController
    static class SampleController {

        @PostMapping("/api/console/samples/{id}")
        Mono<Sample> save(@PathVariable String id, @Valid @RequestBody Sample sample) {
            return "missing".equals(id) ? Mono.error(new NotFoundException("稿件不存在")) : Mono.just(sample);
        }
    }

    @Autowired
    WebTestClient http;

    @Test
    void validationErrorsNameTheFieldInChinese() {
        http.mutateWith(csrf()).post().uri("/api/console/samples/1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\" \"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("请求参数有误")
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].message").isEqualTo("标题不能为空");
    }

    @Test
    void malformedJsonIsAClearBadRequest() {
        http.mutateWith(csrf()).post().uri("/api/console/samples/1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("请求内容无法解析，请检查格式");
    }

    @Test
    void frameworkErrorsSpeakChineseToo() {
        http.mutateWith(csrf()).put().uri("/api/console/samples/1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.detail").isEqualTo("该接口不支持此请求方法");
        http.mutateWith(csrf()).post().uri("/api/console/samples/1").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("标题").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.title").isEqualTo("内容类型不受支持");
        http.get().uri("/api/console/no-such-route").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("请求的接口或资源不存在");
    }

    @Test
    void applicationErrorsKeepTheirStatusAndDetail() {
        http.mutateWith(csrf()).post().uri("/api/console/samples/missing").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"普法\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("稿件不存在").jsonPath("$.title").isEqualTo("未找到");
    }
}
