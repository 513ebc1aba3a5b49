package io.slipway.platform.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AppGuard} in front of every handler that names an app. */
@Configuration(proxyBeanMethods = false)
class AppWebConfiguration implements WebMvcConfigurer {

    private final AppRepository apps;
    private final AppOwners owners;

    AppWebConfiguration(AppRepository apps, AppOwners owners) {
        this.apps = apps;
        this.owners = owners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AppGuard(apps, owners)).addPathPatterns("/api/v1/apps/*/**", "/dashboard/apps/*/**");
    }
}
