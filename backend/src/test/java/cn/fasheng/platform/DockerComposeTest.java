package cn.fasheng.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import cn.fasheng.support.RepoFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine). The frontend build validates it against the
 * Compose schema (dclint); this keeps it true to the application's configuration names.
 */
class DockerComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTwoAppInstancesOnAMongoReplicaSetAndMinio() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RepoFiles.path("docker-compose.yml")));
        Map<String, Object> mongo = service(compose, "mongo");
        assertThat((String) mongo.get("image")).startsWith("mongo:7");
        assertThat((List<String>) mongo.get("command")).contains("--replSet");
        assertThat(mongo.get("healthcheck").toString()).contains("rs.initiate");
        assertThat((String) service(compose, "minio").get("image")).startsWith("minio/minio");
        assertThat(service(compose, "minio-init").get("entrypoint").toString()).contains("mc mb");

        Map<String, Object> app = service(compose, "app");
        assertThat(((Map<String, Object>) app.get("deploy")).get("replicas")).isEqualTo(2);
        assertThat(((Map<String, Object>) app.get("build")).get("dockerfile")).isEqualTo("backend/Dockerfile");
        assertThat(Files.exists(RepoFiles.path("backend/Dockerfile"))).isTrue();
        Map<String, String> env = (Map<String, String>) app.get("environment");
        assertThat(env.get("FASHENG_MONGODB_URI")).contains("replicaSet=rs0");
        assertThat(env).containsKeys("FASHENG_S3_ENDPOINT", "FASHENG_S3_BUCKET", "FASHENG_S3_ACCESS_KEY",
                "FASHENG_S3_SECRET_KEY", "FASHENG_S3_PATH_STYLE", "FASHENG_ADMIN_PASSWORD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableTheComposeFileSetsIsOneTheApplicationReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RepoFiles.path("docker-compose.yml")));
        Map<String, String> env = (Map<String, String>) service(compose, "app").get("environment");
        String config = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
        Matcher used = Pattern.compile("\\$\\{(FASHENG_[A-Z0-9_]+):").matcher(config);
        java.util.Set<String> read = new java.util.HashSet<>();
        while (used.find()) {
            read.add(used.group(1));
        }
        assertThat(read).containsAll(env.keySet());
    }
}
