package io.slipway.platform.git;

import io.slipway.platform.app.AppDeletion;
import io.slipway.platform.app.PublicUrl;
import io.slipway.platform.config.SlipwayProperties;
import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.release.ReleaseService;
import java.time.Duration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts git's smart HTTP at {@code /git/*} as its own servlet, beside Spring MVC's, so request
 * bodies (packs) and responses (the streamed build log) pass untouched. Repositories live in
 * {@code ${slipway.data-dir}/git} and go with their app when it is deleted.
 */
@Configuration(proxyBeanMethods = false)
class GitConfiguration {

    /** How long a push may see nothing before a "still working" line is sent. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    @Bean
    GitRepositories gitRepositories(SlipwayProperties properties, AppDeletion deletion) {
        GitRepositories repositories = new GitRepositories(properties.dataDir().resolve("git"));
        deletion.alsoRemove(repositories::delete);
        return repositories;
    }

    @Bean
    PushDeploys pushDeploys(DeploymentService deployments, BuildLogs logs, ReleaseService releases,
            GitRepositories repositories, SlipwayProperties properties) {
        return new PushDeploys(deployments, logs, releases, repositories, properties.maxBundleSize().toBytes(),
                KEEP_ALIVE);
    }

    @Bean
    ServletRegistrationBean<GitHttpServlet> gitServlet(GitRepositories repositories, GitAccess access,
            PushDeploys pushes, PublicUrl publicUrl) {
        ServletRegistrationBean<GitHttpServlet> registration = new ServletRegistrationBean<>(
                new GitHttpServlet(repositories, access, pushes, publicUrl), "/git/*");
        registration.setName("git");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
