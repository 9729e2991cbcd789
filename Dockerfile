# CivicDesk container image: built from source (Maven wrapper + the machine's Node.js for the web
# client), run on a JRE as an unprivileged user with the jar's layers split for cache-friendly pulls.
#   docker build -t civicdesk:latest .
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline || true
COPY web-client/ web-client/
COPY src/ src/
RUN ./mvnw -B -ntp package -DskipTests \
 && java -Djarmode=tools -jar target/civicdesk-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app civicdesk
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    CIVICDESK_LOG_FORMAT=ecs
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
