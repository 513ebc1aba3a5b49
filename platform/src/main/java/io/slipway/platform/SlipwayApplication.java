package io.slipway.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Slipway: the control plane and data plane of the platform, started with one command. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SlipwayApplication {

    public static void main(String[] args) {
        // DJL never runs in this JVM, but children inherit the environment: keep them offline too.
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(SlipwayApplication.class, args);
    }
}
