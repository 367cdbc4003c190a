package cn.fasheng.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The console API document (served to administrators; the console's TypeScript types come from it). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI consoleApi() {
        return new OpenAPI().info(new Info()
                .title("法声昂\"杨\" 编辑后台接口")
                .version("1")
                .description("编辑后台使用的接口。除登录外均需登录并具备相应角色；写操作须在 X-XSRF-TOKEN 请求头中回传 XSRF-TOKEN Cookie。"));
    }
}
