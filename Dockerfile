# The image of the Slipway platform itself.
#
#   mvn -B install -DskipTests && docker build -t slipway .
#   docker run -d -p 127.0.0.1:8080:8080 -v slipway-data:/var/lib/slipway \
#     -v /var/run/docker.sock:/var/run/docker.sock slipway
#
# The platform needs a full JDK (it jlinks the runtime base image from it) and, for the Docker
# backend, the engine's socket; model instances never get that socket. Where no registry is
# reachable, pass a local JDK image as BASE.
ARG BASE=eclipse-temurin:17-jdk
FROM ${BASE}
COPY model-runtime/target/model-runtime.jar /opt/slipway/runtime-dist/model-runtime.jar
COPY model-runtime/target/lib/ /opt/slipway/runtime-dist/lib/
COPY platform/target/slipway.jar /opt/slipway/slipway.jar
ENV OPT_OUT_TRACKING=true DJL_OFFLINE=true
VOLUME /var/lib/slipway
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/slipway/slipway.jar", \
            "--slipway.data-dir=/var/lib/slipway", "--slipway.runtime-distribution=/opt/slipway/runtime-dist"]
